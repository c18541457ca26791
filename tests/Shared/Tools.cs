using System.Diagnostics;

namespace OpenKP.Tests.Shared;

/// <summary>
/// Debian tools some tests need (poppler-utils' pdftoppm and pdftotext, zbar-tools' zbarimg), for every
/// test project (linked from tests/Shared). A missing tool skips the test with the reason;
/// <c>OPENKP_REQUIRE_ALL=1</c> turns that skip into a failure, as for PostgreSQL and Chromium.
/// </summary>
public static class Tools
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("OPENKP_REQUIRE_ALL") is "1" or "true";

    /// <summary>The full path of <paramref name="tool"/> on PATH; skips (or fails) the test when it is not installed.</summary>
    public static string Require(string tool, string debianPackage)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            var message = $"{tool} is not installed (apt-get install {debianPackage}).";
            if (RequireAll)
            {
                Assert.Fail(message + " (OPENKP_REQUIRE_ALL=1)");
            }

            Assert.Skip("SKIPPED: " + message);
        }

        return found;
    }

    /// <summary>Runs <paramref name="tool"/> to completion (one minute at most) and returns its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within a minute.");
        }

        _ = error.Result;
        return (process.ExitCode, output);
    }
}
