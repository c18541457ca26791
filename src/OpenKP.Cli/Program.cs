namespace OpenKP.Cli;

/// <summary>The <c>openkp</c> command. Named apart from the web app's Program so tests can reference both.</summary>
public static class OpenKpCli
{
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}
