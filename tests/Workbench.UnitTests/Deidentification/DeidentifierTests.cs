using Workbench.Core.Deidentification;

namespace Workbench.UnitTests.Deidentification;

public class DeidentifierTests
{
    [Theory]
    [InlineData("Seen by Dr. Priya Raman today.", "Seen by Dr. [NAME] today.")]
    [InlineData("Mr. Tomas Alvarez was admitted. Alvarez denies pain.", "Mr. [NAME] was admitted. [NAME] denies pain.")]
    [InlineData("Admitted 03/14/2023, discharged March 18, 2023.", "Admitted [DATE], discharged [DATE].")]
    [InlineData("Call (617) 555-0134 or fax 617-555-0199.", "Call [PHONE] or fax [FAX].")]
    [InlineData("Write to k.lee@example.org or see www.example-clinic.org/portal.", "Write to [EMAIL] or see [URL].")]
    [InlineData("Lives at 42 Elm Street, Springfield, MA 02139.", "Lives at [ADDRESS], [ADDRESS], MA [ZIP].")]
    [InlineData("MRN: 00483921; SSN 123-45-6789; member ID XHP-4471920.", "MRN: [MRN]; SSN [SSN]; member ID [HEALTH-PLAN].")]
    [InlineData("Pacemaker serial number PX-448291-B logged from 192.168.14.7.", "Pacemaker serial number [DEVICE] logged from [IP].")]
    [InlineData("A 92-year-old woman and her 67-year-old son.", "A [AGE>89]-year-old woman and her 67-year-old son.")]
    public void ReplacesIdentifiersWithTypedPlaceholders(string text, string expected) =>
        Assert.Equal(expected, Deidentifier.Redact(text).Text);

    [Theory]
    [InlineData("Give low-dose aspirin 81 mg/day after 12 weeks of gestation.")]
    [InlineData("Target blood pressure below 130/80 mmHg; HbA1c 7.2% and eGFR 45 mL/min/1.73 m2.")]
    [InlineData("The SPRINT trial (2015) enrolled 9361 participants; the USPSTF updated its advice in 2021.")]
    [InlineData("Ceftriaxone 500 mg IM once; about 1/3 of adults aged 50 to 75 years were screened.")]
    [InlineData("Patients with CKD and atrial fibrillation should receive apixaban 5 mg twice daily.")]
    public void LeavesGuidelineTextAlone(string text)
    {
        var result = Deidentifier.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Fact]
    public void CountsWhatItRedactedByKindWithoutKeepingTheValues()
    {
        var result = Deidentifier.Redact("Patient Maria Keller, DOB 02/11/1931, phone 617-555-0100, seen 4/2 with Maria's daughter.");

        Assert.Equal(2, result.Counts[IdentifierKind.Name]);
        Assert.Equal(2, result.Counts[IdentifierKind.Date]);
        Assert.Equal(1, result.Counts[IdentifierKind.Phone]);
        Assert.DoesNotContain("Keller", result.Text);
        Assert.DoesNotContain("1931", result.Text);
    }

    [Theory]
    [InlineData("Dr. Parkinson saw Mr. Alzheimer's daughter about Parkinson's disease.", "Dr. [NAME] saw Mr. [NAME]'s daughter about Parkinson's disease.")]
    [InlineData("Mrs. Down, 67, has Down syndrome; Mrs. Down lives alone.", "Mrs. [NAME], 67, has Down syndrome; Mrs. [NAME] lives alone.")]
    [InlineData("Patient Mercy Okafor was transferred from Mercy General Hospital. Mercy Okafor has COPD.", "Patient [NAME] was transferred from Mercy General Hospital. [NAME] has COPD.")]
    [InlineData("Mr. Graves has Graves' disease and Mr. Crohn's wife has Crohn's disease.", "Mr. [NAME] has Graves' disease and Mr. [NAME]'s wife has Crohn's disease.")]
    [InlineData("His daughter 王小明 and wife Ольга Смирнова visited.", "His daughter [NAME] and wife [NAME] visited.")]
    [InlineData("Ms. Zoë Müller-Ødegård attended; Zoë reports less pain.", "Ms. [NAME] attended; [NAME] reports less pain.")]
    [InlineData("He works as a welder at Ironbridge Steelworks in Kelso and lives in Westbrook.", "He works as a welder at [NAME] in [ADDRESS] and lives in [ADDRESS].")]
    public void RemovesPatientsEvenWhenTheyAreNamedLikeMedicine(string text, string expected) =>
        Assert.Equal(expected, Deidentifier.Redact(text).Text);

    [Theory]
    [InlineData("More than 5 million Americans may have Alzheimer's; elevations of cortisol suggest Cushing's syndrome.")]
    [InlineData("Contact CIS by calling 1-800-4-CANCER (1-800-422-6237) or see http://www.cancer.gov/cancertopics.")]
    [InlineData("Phys Ther. 2009;89(2):125-135. Accessed 3/30/2011.")]
    [InlineData("Sodium oxybate was approved in July 2002 for treating cataplexy; the guideline was published in March 2019.")]
    [InlineData("Patients treated between January 2006 and July 2013 were enrolled; the study period ended in December 2013.")]
    [InlineData("Stage III Hodgkin lymphoma, tetralogy of Fallot, Wolff-Parkinson-White syndrome and a Glasgow Coma Scale of 14.")]
    [InlineData("People with the 20210G>A allele (also written G20210A) are described in PubMed 21645374.")]
    [InlineData("More information is available from Seattle Children's Hospital and the Michael J. Fox Foundation.")]
    [InlineData("Ages ranged from 34 to 94 years (mean 75, 11.91 years SD).")]
    [InlineData("B/Yamagata viruses have not been confirmed in circulation since March 2020.")]
    public void LeavesPublicMedicalTextAlone(string text)
    {
        var result = Deidentifier.Redact(text);

        Assert.Equal(text, result.Text);
    }

    [Theory]
    [InlineData("Breast Cancer: outlook")]
    [InlineData("Ascher Syndrome: symptoms")]
    [InlineData("Deciding Whether to Initiate Opioids")]
    [InlineData("PubMed 21645374")]
    public void HeadingsAndTitlesOfPublicTextStayWhole(string heading) =>
        Assert.Equal(heading, Deidentifier.Redact(heading, AllowList.Empty, titleCase: true).Text);

    [Theory]
    [InlineData("Between January 1, 1992, and August 31, 1994, the senior author (JFF) performed 255 esophageal biopsies.")]
    [InlineData("The records of patients undergoing cholecystectomy for AC from 1 January 1996 to 31 December 1998 were reviewed retrospectively.")]
    [InlineData("Eligible patients who received chemotherapy at TCC or Mt Isa Hospital between 1 May 2007 and 30 April 2012.")]
    [InlineData("We asked whether syringe sales were associated with reported crime between January 2006 and December 2008 in Reporting Districts.")]
    [InlineData("Fentanyl related deaths from the coroner's office from January to September 2015 were identified.")]
    [InlineData("Attitudes were surveyed in January 2008 (1888) before and in January 2009 (1830) after the antibiotic campaigns.")]
    public void StudyPeriodsAreKept(string text) => Assert.Equal(text, Deidentifier.Redact(text).Text);

    [Theory]
    [InlineData("She took warfarin from March 2015 to June 2019.", "She took warfarin from [DATE] to [DATE].")]
    [InlineData("Mrs. Pike was treated between 1 May 2007 and 30 April 2012.", "Mrs. [NAME] was treated between [DATE] and [DATE].")]
    [InlineData("Between January 2019 and March 2021 Mr. Oduya lived abroad.", "Between [DATE] and [DATE] Mr. [NAME] lived abroad.")]
    [InlineData("The patient was admitted 03/14/2023 to 03/20/2023.", "The patient was admitted [DATE] to [DATE].")]
    [InlineData("Admitted from 12/28/2022 to 01/04/2023 with pneumonia.", "Admitted from [DATE] to [DATE] with pneumonia.")]
    [InlineData("Warfarin from March 2015 to June 2019.", "Warfarin from [DATE] to [DATE].")]
    public void OnePersonsDateRangesAreRemovedHoweverLong(string text, string expected) => Assert.Equal(expected, Deidentifier.Redact(text).Text);

    [Fact]
    public void AnAllowedTermIsNeverRedactedButTheSameNameElsewhereIs()
    {
        var allowed = new AllowList(["# the clinic's public name", "Harbour View Family Practice"]);
        const string text = "Seen at Harbour View Family Practice by Dr. View.";

        Assert.Equal("Seen at Harbour View Family Practice by Dr. [NAME].", Deidentifier.Redact(text, allowed).Text);
        Assert.Equal(["Harbour View Family Practice"], allowed.Terms);
    }

    [Fact]
    public void EmptyTextsAndTextsOfOnlyIdentifiersAreHandled()
    {
        Assert.Equal(string.Empty, Deidentifier.Redact(string.Empty).Text);
        Assert.Equal("[NAME], [DATE], [PHONE], [EMAIL]", Deidentifier.Redact("Patient: Anna Kowalczyk, 03/14/2023, (617) 555-0134, anna.k@mail.example.com").Text[9..]);
    }
}
