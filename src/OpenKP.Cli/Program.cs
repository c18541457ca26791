using System.CommandLine;
using OpenKP.Cli.Audit;
using OpenKP.Cli.Certificates;
using OpenKP.Cli.Notifications;
using OpenKP.Cli.Registry;
using OpenKP.Cli.Shared;
using OpenKP.Cli.Shipments;
using OpenKP.Cli.Statistics;

namespace OpenKP.Cli;

/// <summary>The <c>openkp</c> command. Named apart from the web app's Program so tests can reference both.</summary>
public static class OpenKpCli
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliContext.ForConsole());

    /// <summary>Runs one command line; everything outside the process comes from <paramref name="context"/>.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct = default)
    {
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await Commands(context).Parse(args).InvokeAsync(configuration, ct);
    }

    /// <summary>Every command, as the table of contents of docs/cli.md (a test checks each is documented).</summary>
    internal static RootCommand Commands(CliContext context)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "openkp: the Kimberley Process registry from the command line. Works on the local data directory " +
            "(as `dotnet run --project src/OpenKP.Web` does) or, with --server, against an OpenKP server. " +
            "Exit codes: 0 done, 1 error, 2 trade refused, certificate or confirmation invalid, or shipment detained, 3 audit chain broken.");
        globals.AddTo(root);
        ParticipantCommands.AddTo(root, context, globals);
        TradePermissionCommand.AddTo(root, context, globals);
        RegistryImportCommand.AddTo(root, context, globals);
        AuditCommands.AddTo(root, context, globals);
        VerifyCommand.AddTo(root, context, globals);
        TrustListCommands.AddTo(root, context, globals);
        KeyCommands.AddTo(root, context, globals);
        AlertCommands.AddTo(root, context, globals);
        InboxCommands.AddTo(root, context, globals);
        WebhookCommands.AddTo(root, context, globals);
        ApplicationCommands.AddTo(root, context, globals);
        ShipmentCommands.AddTo(root, context, globals);
        ArrivalCommands.AddTo(root, context, globals);
        CaseCommands.AddTo(root, context, globals);
        ConfirmationCommands.AddTo(root, context, globals);
        FootprintCommands.AddTo(root, context, globals);
        PublicationCommands.AddTo(root, context, globals);
        ReconciliationCommands.AddTo(root, context, globals);
        OpenKP.Cli.Statistics.IntakeCommands.AddTo(root, context, globals);
        AnomalyCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.ComplianceCaseCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.ReviewCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.ChairReportCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.DecisionCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.AnnualReportCommands.AddTo(root, context, globals);
        OpenKP.Cli.Compliance.AdmissionCommands.AddTo(root, context, globals);
        DemoCommands.AddTo(root, context, globals);
        return root;
    }
}
