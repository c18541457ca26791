using System.Reflection;

namespace OpenKP.Core.Tests.Architecture;

/// <summary>Core holds the scheme's rules and nothing of the web: the CLI and the web app both reuse it.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(OpenKP.Registry.TradeRules).Assembly;

    [Fact]
    public void Core_does_not_depend_on_the_web_framework()
    {
        var web = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) || n == "Microsoft.AspNetCore");
        Assert.Empty(web);
    }

    [Fact]
    public void Rules_take_the_date_they_judge_and_never_read_the_clock()
    {
        var ruleTypes = Core.GetTypes().Where(t => t.Name.EndsWith("Rules", StringComparison.Ordinal)).ToList();
        Assert.Contains(typeof(OpenKP.Registry.TradeRules), ruleTypes);
        var usesClock = ruleTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)))
            .Concat(ruleTypes.SelectMany(t => t.GetConstructors()).Where(c => c.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider))).Cast<MethodBase>());
        Assert.Empty(usesClock);
    }

    [Fact]
    public void Every_module_namespace_matches_its_folder()
    {
        var modules = Core.GetTypes().Where(t => t.IsPublic).Select(t => t.Namespace!).Distinct().ToList();
        string[] known = ["OpenKP.Shared", "OpenKP.Registry", "OpenKP.Certificates", "OpenKP.Shipments", "OpenKP.Notifications", "OpenKP.Statistics", "OpenKP.Compliance", "OpenKP.Accounts", "OpenKP.Audit", "OpenKP.Data"];

        // A module, or a part of one in its own subfolder (OpenKP.Statistics.Intake in Statistics/Intake).
        Assert.All(modules, ns => Assert.Contains(known, m => ns == m || ns.StartsWith(m + ".", StringComparison.Ordinal)));
        var core = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "OpenKP.Core");
        Assert.All(modules.Where(ns => !known.Contains(ns)), ns => Assert.True(Directory.Exists(Path.Combine(core, Path.Combine(ns.Split('.')[1..]))), $"{ns} has no folder"));
    }
}
