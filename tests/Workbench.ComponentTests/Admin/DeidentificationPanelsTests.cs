using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Web.Components.Admin;

namespace Workbench.ComponentTests.Admin;

public class DeidentificationPanelsTests : ComponentTestContext
{
    [Fact]
    public void WithoutUploadsThePanelSaysSo()
    {
        var cut = Render<RedactionsPanel>(p => p.Add(c => c.Documents, []));

        Assert.Contains("No documents have been uploaded", cut.Find("#redactions-empty").TextContent);
        Assert.Empty(cut.FindAll(".redactions-document"));
    }

    [Fact]
    public void EachDocumentIsSummarisedAndShowsItsRedactionsInContext()
    {
        var cut = Render<RedactionsPanel>(p => p.Add(c => c.Documents,
        [
            new UploadedRedactions("ward-7-protocol",
            [
                new RedactionContext(DocumentField.Text, IdentifierKind.Name, "twice daily. Patient ", ", MRN [MRN], was reviewed"),
                new RedactionContext(DocumentField.Text, IdentifierKind.Mrn, "Patient [NAME], MRN ", ", was reviewed"),
                new RedactionContext(DocumentField.Heading, IdentifierKind.Name, "Letter to Dr. ", ""),
            ]),
            new UploadedRedactions("clean-leaflet", []),
            new UploadedRedactions("older-upload", null),
        ]));

        var documents = cut.FindAll(".redactions-document");
        Assert.Equal(["ward-7-protocol", "clean-leaflet", "older-upload"], documents.Select(d => d.GetAttribute("data-document")));
        Assert.Equal(["3 redactions: Name 2, Mrn 1", "no redactions", "redactions not recorded"], cut.FindAll(".redactions-summary").Select(s => s.TextContent));

        var rows = cut.FindAll(".redaction-row");
        Assert.Equal(3, rows.Count);
        Assert.Equal("…twice daily. Patient [NAME], MRN [MRN], was reviewed…", rows[0].QuerySelector(".redaction-context")!.TextContent);
        Assert.Equal("[NAME]", rows[0].QuerySelector("mark")!.TextContent);
        Assert.Equal("heading", rows[2].Children[0].TextContent);
        Assert.Contains("Nothing was redacted", cut.Find(".redactions-none").TextContent);
        Assert.Contains("upload it again", cut.Find(".redactions-unknown").TextContent);
    }

    [Fact]
    public void TheAllowListIsEditedOneTermALineAndSavedOnlyWhenChanged()
    {
        var saved = new List<IReadOnlyList<string>>();
        var cut = Render<AllowListPanel>(p => p
            .Add(c => c.Terms, ["Harbour View Family Practice"])
            .Add(c => c.File, "/srv/workbench/allow-list.txt")
            .Add(c => c.OnSave, (IReadOnlyList<string> terms) => saved.Add(terms)));

        Assert.Equal("Harbour View Family Practice", cut.Find("#allow-list-terms").GetAttribute("value"));
        Assert.Equal("/srv/workbench/allow-list.txt", cut.Find("#allow-list-file").TextContent);
        Assert.Equal("1 term allowed.", cut.Find("#allow-list-count").TextContent);
        Assert.True(cut.Find("#allow-list-save").HasAttribute("disabled"));

        cut.Find("#allow-list-terms").Input("Harbour View Family Practice\n# our partner\n  Ironbridge Steelworks  \n\nharbour view family practice");
        cut.Find("#allow-list-save").Click();

        Assert.Equal(["Harbour View Family Practice", "Ironbridge Steelworks"], Assert.Single(saved));
    }

    [Fact]
    public void WhatIsBeingTypedSurvivesARedrawWithTheSameListButNotASavedChange()
    {
        var cut = Render<AllowListPanel>(p => p.Add(c => c.Terms, ["Harbour View Family Practice"]).Add(c => c.File, "allow.txt"));
        cut.Find("#allow-list-terms").Input("Harbour View Family Practice\nIronbridge");

        cut.Render(p => p.Add(c => c.Terms, ["Harbour View Family Practice"]));
        Assert.Equal("Harbour View Family Practice\nIronbridge", cut.Find("#allow-list-terms").GetAttribute("value"));

        cut.Render(p => p.Add(c => c.Terms, ["Harbour View Family Practice", "Ironbridge Steelworks"]));
        Assert.Equal("Harbour View Family Practice\nIronbridge Steelworks", cut.Find("#allow-list-terms").GetAttribute("value"));
        Assert.Equal("2 terms allowed.", cut.Find("#allow-list-count").TextContent);
    }

    [Fact]
    public void ARefusedListShowsWhy()
    {
        var cut = Render<AllowListPanel>(p => p.Add(c => c.Terms, []).Add(c => c.File, "allow.txt").Add(c => c.Error, "at most 1000 terms of up to 200 characters each"));

        Assert.Contains("at most 1000 terms", cut.Find("#allow-list-error").TextContent);
        Assert.Contains("The list is empty", cut.Find("#allow-list-count").TextContent);
    }
}
