namespace Workbench.Core.Deidentification;

/// <summary>
/// Contact points that belong to the public, not to a patient: web sites of governments, universities,
/// international bodies and well-known health organisations, and toll-free hotlines.
/// </summary>
public static class PublicSites
{
    // Health organisations and references whose sites public health text points to; hosts under them count too.
    private static readonly string[] Hosts =
    [
        "who.int", "nhs.uk", "nice.org.uk", "orpha.net", "rarediseases.org", "geneticalliance.org", "mayoclinic.org", "clevelandclinic.org", "hopkinsmedicine.org",
        "cancer.org", "cancer.net", "heart.org", "stroke.org", "diabetes.org", "lung.org", "alz.org", "parkinson.org", "michaeljfox.org", "lls.org", "marchofdimes.org",
        "kidshealth.org", "healthychildren.org", "aap.org", "aafp.org", "acog.org", "acponline.org", "acc.org", "idsociety.org", "thoracic.org", "arthritis.org",
        "mda.org", "nationalmssociety.org", "epilepsy.com", "autismspeaks.org", "cff.org", "hemophilia.org", "kidney.org", "nsgc.org", "acmg.net", "genome.gov",
        "medscape.com", "emedicine.medscape.com", "uptodate.com", "webmd.com", "medicinenet.com", "merckmanuals.com", "bmj.com", "thelancet.com", "nejm.org",
        "jamanetwork.com", "nature.com", "sciencedirect.com", "springer.com", "wiley.com", "biomedcentral.com", "ojrd.com", "plos.org", "cochranelibrary.com",
        "cochrane.org", "clinicaltrials.gov", "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "genereviews.org", "omim.org", "malacards.org", "genecards.org",
        "rarediseases.info.nih.gov", "ghr.nlm.nih.gov", "medlineplus.gov", "cdc.gov", "fda.gov", "nih.gov", "ema.europa.eu", "ecdc.europa.eu", "europa.eu",
        "cancerresearchuk.org", "cancerhelp.org.uk", "macmillan.org.uk", "patient.info", "healthline.com", "familydoctor.org", "childrenshospital.org", "chop.edu",
        "stjude.org", "cincinnatichildrens.org", "seattlechildrens.org", "nemours.org", "hss.edu", "mountsinai.org", "wikipedia.org",
    ];

    /// <summary>Whether a URL's host is public: a government, education, military or international domain, or a listed organisation.</summary>
    public static bool IsPublic(string url)
    {
        var host = url;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var end = host.IndexOfAny(['/', '?', '#', ':']);
        host = (end >= 0 ? host[..end] : host).ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        string[] publicSuffixes = [".gov", ".edu", ".int", ".mil"];
        return publicSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal))
            || host.Contains(".gov.", StringComparison.Ordinal) || host.Contains(".edu.", StringComparison.Ordinal) || host.Contains(".ac.", StringComparison.Ordinal)
            || Hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }

    /// <summary>North American toll-free numbers (800, 833, 844, 855, 866, 877, 888) are organisations' hotlines, not a person's phone.</summary>
    public static bool IsTollFree(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        return digits.Length == 10 && digits[0] == '8' && digits[1] == digits[2] && digits[1] is '0' or '3' or '4' or '5' or '6' or '7' or '8';
    }
}
