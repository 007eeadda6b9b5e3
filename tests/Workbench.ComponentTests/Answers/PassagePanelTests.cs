namespace Workbench.ComponentTests.Answers;

public class PassagePanelTests : ComponentTestContext
{
    [Fact]
    public void ShowsThePassageWithItsTitleOrganisationYearTypeAndLink()
    {
        var cut = Render<PassagePanel>(p => p.Add(c => c.Citation, Citation(3, "Use 81 mg daily.")));

        Assert.Contains("[3] Aspirin Use to Prevent Preeclampsia", cut.Find("#passage-title").TextContent);
        Assert.Contains("U.S. Preventive Services Task Force · 2021 · guideline · obstetrics", cut.Markup);
        Assert.Equal("Use 81 mg daily.", cut.Find("#passage-text").TextContent.Trim());
        var link = cut.Find("#passage-link");
        Assert.Equal("https://www.uspreventiveservicestaskforce.org/", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public void RendersMarkupInsideAPassageAsInertText()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>[click](javascript:alert(3))";

        var cut = Render<PassagePanel>(p => p.Add(c => c.Citation, Citation(1, hostile, Source(url: "javascript:alert(4)"))));

        Assert.Equal(hostile, cut.Find("#passage-text").TextContent.Trim());
        Assert.Empty(cut.FindAll("#passage-text script"));
        Assert.Empty(cut.FindAll("#passage-text img"));
        Assert.Empty(cut.FindAll("#passage-link"));
        Assert.DoesNotContain("javascript:", cut.FindAll("a").Select(a => a.GetAttribute("href") ?? string.Empty));
    }

    [Fact]
    public void InvitesTheClinicianToChooseACitationWhenNoneIsOpen()
    {
        var cut = Render<PassagePanel>();

        Assert.Contains("Choose a citation number", cut.Markup);
    }
}
