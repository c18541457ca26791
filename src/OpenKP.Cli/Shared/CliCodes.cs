namespace OpenKP.Cli.Shared;

/// <summary>
/// Stable codes of the problems only the command line has (documented in docs/cli.md). Input is
/// parsed by <see cref="OpenKP.Shared.Input"/> with the API's codes, so a script sees the same code
/// whether it checked locally or asked a server.
/// </summary>
internal static class CliCodes
{
    /// <summary>Options of the two modes mixed, e.g. <c>--token</c> without <c>--server</c>.</summary>
    public const string OptionConflict = "option-conflict";
    /// <summary><c>--password</c>: passwords are never taken from the command line.</summary>
    public const string PasswordOnCommandLine = "password-on-command-line";
    /// <summary><c>--user</c> with no <c>OPENKP_PASSWORD</c> and no terminal to prompt on.</summary>
    public const string PasswordRequired = "password-required";
    /// <summary>A command that works on the local database only was given <c>--server</c>.</summary>
    public const string LocalOnly = "local-only";
    /// <summary>A command that only the server can carry out (its key store signs) was run without <c>--server</c>.</summary>
    public const string ServerRequired = "server-required";
    public const string FileNotFound = "file-not-found";
    public const string DatabaseUnavailable = "database-unavailable";
    public const string ServerUnreachable = "server-unreachable";
    public const string ServerAnswerUnreadable = "server-answer-unreadable";
    /// <summary>A file exists but could not be read (permissions, a folder, an I/O error).</summary>
    public const string FileUnreadable = "file-unreadable";
    /// <summary>A file could not be written (permissions, a full disk).</summary>
    public const string FileUnwritable = "file-unwritable";
    /// <summary><c>trust-list download</c>: the server's hub key is not the one saved before.</summary>
    public const string HubKeyChanged = "hub-key-changed";
    /// <summary><c>trust-list download</c>: the server's hub key is not the one <c>--expect-key-id</c> names.</summary>
    public const string HubKeyUnexpected = "hub-key-unexpected";
    /// <summary><c>trust-list download</c>: the server's list has a lower sequence number than the one saved.</summary>
    public const string ListOlderThanSaved = "list-older-than-saved";
}
