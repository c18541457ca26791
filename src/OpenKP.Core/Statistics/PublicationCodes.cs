namespace OpenKP.Statistics;

/// <summary>Stable codes of statistics publication, documented in docs/problems.md; never renamed or reused.</summary>
public static class PublicationCodes
{
    /// <summary>The year has not been published (the public sees nothing of it yet).</summary>
    public const string YearNotPublished = "statistics-year-not-published";
    /// <summary>The year is published already: a new vintage needs a reason.</summary>
    public const string YearAlreadyPublished = "statistics-year-already-published";
    /// <summary>A year is published once it is over, never while certificates of it can still be issued.</summary>
    public const string YearNotOver = "statistics-year-not-over";
    /// <summary>The live figures equal the latest vintage: a new vintage would change nothing.</summary>
    public const string VintageUnchanged = "statistics-vintage-unchanged";
    /// <summary>No such vintage of the year.</summary>
    public const string VintageNotFound = "statistics-vintage-not-found";
    /// <summary>Another publication of the year was saved at the same moment.</summary>
    public const string PublicationChanged = "statistics-publication-changed";
}
