using Workbench.Core.Text;

namespace Workbench.UnitTests.Text;

public class PorterStemmerTests
{
    // Examples of each step from Porter's paper, as whole words (checked against another implementation).
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("triplicate", "triplic")]
    [InlineData("electrical", "electr")]
    [InlineData("goodness", "good")]
    [InlineData("allowance", "allow")]
    [InlineData("airliner", "airlin")]
    [InlineData("adjustable", "adjust")]
    [InlineData("replacement", "replac")]
    [InlineData("adoption", "adopt")]
    [InlineData("homologous", "homolog")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("roll", "roll")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    public void StemsAsTheAlgorithmDefines(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    // The reference implementation's departures from the paper: -bli and -logi, and words of two letters left alone.
    [Theory]
    [InlineData("possibly", "possibl")]
    [InlineData("cardiology", "cardiolog")]
    [InlineData("is", "is")]
    public void FollowsTheReferenceImplementation(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("effects", "effective", "effectiveness")]
    [InlineData("associated", "association", "associations")]
    [InlineData("hypertension", "hypertensive", "hypertensives")]
    [InlineData("vaccines", "vaccination", "vaccinated")]
    public void ConflatesTheFormsOfAWord(string a, string b, string c)
    {
        Assert.Equal(PorterStemmer.Stem(a), PorterStemmer.Stem(b));
        Assert.Equal(PorterStemmer.Stem(a), PorterStemmer.Stem(c));
    }
}
