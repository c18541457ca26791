using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>
/// One command's run: its output, its target (local database or server), and the translation of
/// expected failures (database down, server unreachable) into a problem and exit code 1.
/// </summary>
internal sealed class CliRun(CliContext context, Output output, Target target)
{
    public CliContext Context { get; } = context;
    public Output Output { get; } = output;
    public Target Target { get; } = target;

    /// <summary>The action for a command: resolves the mode, then runs <paramref name="body"/>.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(
        CliContext context, GlobalOptions globals, Func<ParseResult, CliRun, CancellationToken, Task<int>> body)
        => async (parse, ct) =>
        {
            var output = new Output(context, parse.GetValue(globals.Json));
            var target = globals.Resolve(parse, context);
            if (target.Problem is { } problem)
            {
                return output.Fail(problem);
            }

            var run = new CliRun(context, output, target.Value!);
            try
            {
                return await body(parse, run, ct);
            }
            catch (Exception e) when (e is DbException or DbUpdateException && run.Target is LocalTarget local)
            {
                return output.Fail(Problem.Of(CliCodes.DatabaseUnavailable, $"The database ({LocalDatabase.Describe(local)}) could not be used: {e.Message}"));
            }
            catch (HttpRequestException e) when (run.Target is RemoteTarget remote)
            {
                return output.Fail(Problem.Of(CliCodes.ServerUnreachable, $"Could not reach {remote.Server}: {e.Message}"));
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested && run.Target is RemoteTarget remote)
            {
                return output.Fail(Problem.Of(CliCodes.ServerUnreachable, $"{remote.Server} did not answer in time."));
            }
        };

    /// <summary>Opens the local database (migrated, reference data loaded when empty).</summary>
    public async Task<Answer<OpenKpDb>> OpenDatabaseAsync(LocalTarget local, CancellationToken ct, bool loadReferenceData = true)
    {
        try
        {
            return Answer<OpenKpDb>.Ok(await LocalDatabase.OpenAsync(local, Context, loadReferenceData, ct));
        }
        catch (Exception e) when (e is DbException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            var hint = local.Provider == DatabaseProvider.Postgres ? " Check --connection (or ConnectionStrings__OpenKP)." : " Check --data-dir or --connection.";
            return Problem.Of(CliCodes.DatabaseUnavailable, $"Could not open {LocalDatabase.Describe(local)}: {e.Message}{hint}");
        }
    }

    /// <summary>A client for the server, signed in when a token or user was given.</summary>
    public async Task<Answer<ApiClient>> ConnectAsync(RemoteTarget remote, CancellationToken ct)
    {
        var api = new ApiClient(Context.HttpClientFactory(remote.Server), remote.Server);
        if (remote.Token is { } token)
        {
            api.UseToken(token);
        }
        else if (remote.User is { } user)
        {
            var password = Context.Environment(GlobalOptions.PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                password = Context.PromptPassword?.Invoke($"Password for {user} at {remote.Server}: ");
            }

            if (string.IsNullOrEmpty(password))
            {
                api.Dispose();
                return Problem.Of(CliCodes.PasswordRequired,
                    $"--user {user} needs a password: set {GlobalOptions.PasswordVariable}, or run openkp in a terminal to be prompted.");
            }

            var signedIn = await api.SignInAsync(user, password, ct);
            if (signedIn.Problem is { } refused)
            {
                api.Dispose();
                return refused;
            }

            api.UseToken(signedIn.Value!);
        }

        return Answer<ApiClient>.Ok(api);
    }

    /// <summary>Runs <paramref name="remote"/> against the server or <paramref name="local"/> on the local database.</summary>
    public async Task<Answer<T>> AskAsync<T>(Func<ApiClient, Task<Answer<T>>> remote, Func<OpenKpDb, Task<Answer<T>>> local, CancellationToken ct)
    {
        switch (Target)
        {
            case RemoteTarget server:
                var connected = await ConnectAsync(server, ct);
                if (connected.Problem is { } refused)
                {
                    return refused;
                }

                using (var api = connected.Value!)
                {
                    var answer = await remote(api);
                    return answer.Problem is { } problem ? Explain(problem, api) : answer;
                }

            case LocalTarget database:
                var opened = await OpenDatabaseAsync(database, ct);
                if (opened.Problem is { } unavailable)
                {
                    return unavailable;
                }

                await using (var db = opened.Value!)
                {
                    return await local(db);
                }

            default:
                throw new System.Diagnostics.UnreachableException($"Unknown target {Target}.");
        }
    }

    /// <summary>Runs <paramref name="remote"/> against the server; in local mode refuses with <c>server-required</c> and <paramref name="why"/>.</summary>
    public async Task<Answer<T>> ServerOnlyAsync<T>(Func<ApiClient, Task<Answer<T>>> remote, string why, CancellationToken ct)
        => Target is RemoteTarget
            ? await AskAsync(remote, _ => throw new System.Diagnostics.UnreachableException(), ct)
            : Problem.Of(CliCodes.ServerRequired, why);

    /// <summary>Adds a hint to a 401 when no credentials were given at all.</summary>
    public static Problem Explain(Problem problem, ApiClient api) => problem.HttpStatus == 401 && !api.HasCredentials
        ? problem with
        {
            Violations = [.. problem.Violations, new(InputCodes.Required,
                $"This needs a signed-in account: add --token TOKEN (or env {GlobalOptions.TokenVariable}), or --user NAME.")],
        }
        : problem;
}
