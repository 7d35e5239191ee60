using System.Reflection;
using NetArchTest.Rules;

namespace HotSpots.Architecture.Tests;

/// <summary>The module rules of docs/architecture.md, checked on the compiled assemblies.</summary>
public sealed class ModuleRulesTests
{
    internal static readonly Assembly Web = typeof(Program).Assembly;

    internal static readonly Dictionary<string, Assembly> Modules = new()
    {
        ["Ingestion"] = typeof(HotSpots.Modules.Ingestion.IngestionModule).Assembly,
        ["Hotspots"] = typeof(HotSpots.Modules.Hotspots.HotspotsModule).Assembly,
        ["Workforce"] = typeof(HotSpots.Modules.Workforce.WorkforceModule).Assembly,
        ["Tasking"] = typeof(HotSpots.Modules.Tasking.TaskingModule).Assembly,
        ["Patrols"] = typeof(HotSpots.Modules.Patrols.PatrolsModule).Assembly,
        ["Dashboard"] = typeof(HotSpots.Modules.Dashboard.DashboardModule).Assembly,
    };

    /// <summary>Which modules each module may call (through their contracts). Anything else is a violation.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Ingestion"] = [],
        ["Hotspots"] = ["Ingestion"],
        ["Workforce"] = [],
        ["Tasking"] = ["Hotspots", "Workforce"],
        ["Patrols"] = ["Tasking", "Hotspots", "Ingestion", "Workforce"],
        ["Dashboard"] = ["Ingestion", "Hotspots", "Tasking", "Patrols", "Workforce"],
    };

    public static IEnumerable<object[]> ModuleNames => Modules.Keys.Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Only_the_contracts_and_the_registration_class_of_a_module_are_public(string module)
    {
        var exposed = Types.InAssembly(Modules[module]).That().ArePublic()
            .And().DoNotResideInNamespace($"HotSpots.Modules.{module}.Contracts")
            .GetTypes().Select(t => t.FullName).ToList();
        exposed.ShouldBe([$"HotSpots.Modules.{module}.{module}Module"], $"{module} exposes types outside Contracts");
        Types.InAssembly(Modules[module]).That().ResideInNamespace($"HotSpots.Modules.{module}.Contracts").And().ArePublic()
            .GetTypes().ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_depends_only_on_the_modules_the_design_allows(string module)
    {
        var referenced = Modules[module].GetReferencedAssemblies().Select(a => a.Name!).ToHashSet();
        var modulesUsed = Modules.Where(m => m.Key != module && referenced.Contains(m.Value.GetName().Name!)).Select(m => m.Key);
        modulesUsed.ShouldBeSubsetOf(Allowed[module]);
        referenced.ShouldNotContain(Web.GetName().Name!);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_reaches_other_modules_only_through_their_contracts(string module)
    {
        var others = Modules.Keys.Where(m => m != module).Select(m => $"HotSpots.Modules.{m}.{m}Module").ToArray();
        var result = Types.InAssembly(Modules[module]).ShouldNot().HaveDependencyOnAny(others).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_dependencies_between_modules_have_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        foreach (var module in Allowed.Keys) Visit(module, []);

        void Visit(string module, List<string> path)
        {
            if (done.Contains(module)) return;
            visiting.Add(module).ShouldBeTrue($"cycle: {string.Join(" -> ", path.Append(module))}");
            foreach (var next in Allowed[module]) Visit(next, [.. path, module]);
            visiting.Remove(module);
            done.Add(module);
        }
    }

    [Fact]
    public void The_web_project_uses_modules_only_through_contracts_except_the_composition_root()
    {
        var registrations = Modules.Keys.Select(m => $"HotSpots.Modules.{m}.{m}Module").ToArray();
        var result = Types.InAssembly(Web).That().DoNotHaveName("HotSpotsServices")
            .ShouldNot().HaveDependencyOnAny(registrations).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        foreach (var (name, assembly) in Modules)
            Web.GetReferencedAssemblies().Select(a => a.Name).ShouldContain(assembly.GetName().Name, $"Web should register {name}");
    }

    [Fact]
    public void The_platform_knows_no_module()
    {
        var platform = typeof(HotSpots.Platform.PlatformServices).Assembly;
        platform.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(n => n.StartsWith("HotSpots.Modules") || n == "HotSpots.Web");
    }
}
