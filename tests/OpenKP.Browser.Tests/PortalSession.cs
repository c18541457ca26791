using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a free port, the fake clock, demo data) and Debian's Chromium driven by
/// Playwright. Chromium missing: every test is skipped with the reason, or fails under OPENKP_REQUIRE_ALL=1.
/// Playwright's own browser download is never used (it cannot run here): <see cref="ChromiumPath"/> is.
/// </summary>
public sealed class PortalSession : OpenKpApp, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _browserProblem;

    public PortalSession() => UseKestrel(0);

    /// <summary><c>OPENKP_CHROMIUM</c>, default Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("OPENKP_CHROMIUM") ?? "/usr/bin/chromium";

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where screenshots go: TestResults/screenshots beside this project (ignored by git).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public new async ValueTask InitializeAsync()
    {
        if (TestEnvironment.UsePostgres && TestEnvironment.PostgresUnavailableReason is not null)
        {
            return; // each test calls Require(), which skips or fails with the reason
        }

        if (!File.Exists(ChromiumPath))
        {
            _browserProblem = $"Chromium not found at {ChromiumPath}. Install it (apt-get install chromium) or set OPENKP_CHROMIUM.";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
        }
        catch (PlaywrightException e)
        {
            _browserProblem = $"Chromium at {ChromiumPath} did not start: {e.Message}";
            return;
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>A fresh browser context (own cookies) on the running portal; skips or fails when there is no browser.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900, string? locale = "en-GB")
    {
        if (TestEnvironment.UsePostgres)
        {
            TestEnvironment.RequirePostgres();
        }

        if (_browserProblem is { } why)
        {
            if (TestEnvironment.RequireAll)
            {
                Assert.Fail(why + " (OPENKP_REQUIRE_ALL=1)");
            }

            Assert.Skip("SKIPPED: " + why);
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    public static async Task Screenshot(IPage page, string name)
        => await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    private static string FindScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenKP.Browser.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
