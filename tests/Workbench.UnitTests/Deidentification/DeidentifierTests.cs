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
    [InlineData("Lives at 42 Elm Street, Springfield, MA 02139.", "Lives at [ADDRESS], Springfield, MA [ZIP].")]
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
}
