using System.CommandLine;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>Where a command runs: on the local database (default) or against a server's API.</summary>
internal abstract record Target;

/// <summary>Remote mode. <see cref="Server"/> ends with a slash; <see cref="User"/> signs in with a password.</summary>
internal sealed record RemoteTarget(Uri Server, string? Token, string? User) : Target;

/// <summary>Local mode. <see cref="DataDirectory"/> is set when the SQLite file lives there (created if missing).</summary>
internal sealed record LocalTarget(DatabaseProvider Provider, string ConnectionString, string? DataDirectory) : Target;

/// <summary>The options every command takes: the mode, credentials, the local database, and <c>--json</c>.</summary>
internal sealed class GlobalOptions
{
    public const string TokenVariable = "OPENKP_TOKEN";
    public const string PasswordVariable = "OPENKP_PASSWORD";
    public const string DataDirectoryVariable = "OpenKP__DataDirectory";
    public const string DatabaseVariable = "OpenKP__Database";
    public const string ConnectionVariable = "ConnectionStrings__OpenKP";

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON (the API's shapes) instead of tables", Recursive = true };

    public Option<string> Server { get; } = new("--server") { Description = "Remote mode: the OpenKP server's URL, e.g. https://kp.example.org", Recursive = true };

    public Option<string> Token { get; } = new("--token") { Description = $"Remote mode: a bearer token (default: env {TokenVariable})", Recursive = true };

    public Option<string> User { get; } = new("--user") { Description = $"Remote mode: sign in as this user; the password comes from env {PasswordVariable} or is prompted for", Recursive = true };

    public Option<string> DataDirectory { get; } = new("--data-dir") { Description = $"Local mode: the data directory (default: env {DataDirectoryVariable}, or ./data)", Recursive = true };

    public Option<string> Database { get; } = new("--database") { Description = $"Local mode: sqlite (default) or postgres (default: env {DatabaseVariable})", Recursive = true };

    public Option<string> Connection { get; } = new("--connection") { Description = $"Local mode: the database connection string (default: env {ConnectionVariable}; SQLite: <data-dir>/openkp.db)", Recursive = true };

    /// <summary>Hidden: exists only to explain why a password is never accepted here.</summary>
    public Option<string> Password { get; } = new("--password") { Hidden = true, Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Json, Server, Token, User, DataDirectory, Database, Connection, Password })
        {
            root.Options.Add(option);
        }
    }

    /// <summary>Works out the mode from the options and the environment; every conflict is reported at once.</summary>
    public Answer<Target> Resolve(ParseResult parse, CliContext context)
    {
        var input = new Input();
        if (parse.GetResult(Password) is not null)
        {
            input.Add(CliCodes.PasswordOnCommandLine,
                $"--password is not accepted: a password on the command line ends up in shell history and process lists. Set {PasswordVariable}, or let openkp prompt for it.",
                "--password");
        }

        var server = parse.GetValue(Server);
        var token = parse.GetValue(Token);
        var user = parse.GetValue(User);
        if (server is not null)
        {
            foreach (var local in new[] { DataDirectory, Database, Connection }.Where(o => parse.GetResult(o) is not null))
            {
                input.Add(CliCodes.OptionConflict, $"{local.Name} is for local mode; with --server the server's own database is used.", local.Name);
            }

            if (token is not null && user is not null)
            {
                input.Add(CliCodes.OptionConflict, "Give --token or --user, not both.", "--user");
            }

            if (ServerUri(server) is not { } uri)
            {
                input.Add(InputCodes.InvalidValue, $"--server: '{server}' is not an http:// or https:// URL.", "--server");
                return new Problem(input.Errors);
            }

            if (!input.IsValid)
            {
                return new Problem(input.Errors);
            }

            token ??= user is null ? NullIfBlank(context.Environment(TokenVariable)) : null;
            return Answer<Target>.Ok(new RemoteTarget(uri, token, user));
        }

        foreach (var remote in new[] { Token, User }.Where(o => parse.GetResult(o) is not null))
        {
            input.Add(CliCodes.OptionConflict, $"{remote.Name} signs in to a server: add --server URL (without it openkp works on the local database).", remote.Name);
        }

        var providerText = parse.GetValue(Database) ?? NullIfBlank(context.Environment(DatabaseVariable));
        if (!DatabaseSetup.TryParseProvider(providerText, out var provider))
        {
            input.Add(InputCodes.InvalidValue, $"--database: '{providerText}' is not sqlite or postgres.", "--database");
        }

        var connection = parse.GetValue(Connection) ?? NullIfBlank(context.Environment(ConnectionVariable));
        if (provider == DatabaseProvider.Postgres && connection is null)
        {
            input.Add(InputCodes.Required, $"--database postgres needs --connection (or env {ConnectionVariable}).", "--connection");
        }

        if (!input.IsValid)
        {
            return new Problem(input.Errors);
        }

        if (connection is not null)
        {
            return Answer<Target>.Ok(new LocalTarget(provider, connection, null));
        }

        var directory = DataDirectoryPath(parse, context);
        return Answer<Target>.Ok(new LocalTarget(provider, DatabaseSetup.SqliteConnectionString(directory), directory));
    }

    /// <summary>The data directory, full path: <c>--data-dir</c>, else env <c>OpenKP__DataDirectory</c>, else <c>./data</c>.</summary>
    public string DataDirectoryPath(ParseResult parse, CliContext context)
        => Path.GetFullPath(parse.GetValue(DataDirectory) ?? NullIfBlank(context.Environment(DataDirectoryVariable)) ?? "data");

    /// <summary>An http(s) URL ending with a slash, so relative API paths go under it; null when it is not one.</summary>
    public static Uri? ServerUri(string? server)
    {
        if (!Uri.TryCreate(server?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
