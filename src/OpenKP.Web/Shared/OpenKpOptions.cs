namespace OpenKP.Web.Shared;

/// <summary>Settings under <c>OpenKP:</c> (environment: <c>OpenKP__DataDirectory</c>, …).</summary>
public sealed class OpenKpOptions
{
    /// <summary>Where everything OpenKP stores lives: the SQLite database, keys, uploads. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c> (with <c>ConnectionStrings:OpenKP</c>).</summary>
    public string Database { get; set; } = "Sqlite";

    /// <summary>Seeds demo data and demo accounts. Defaults to true in Development only.</summary>
    public bool? Demo { get; set; }

    /// <summary>
    /// The address the public reaches OpenKP at (<c>https://kp.example.org</c>), printed on certificates as
    /// where to verify them. Unset: the address of the request that asked for the PDF.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Largest request body the API accepts, in bytes (default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
