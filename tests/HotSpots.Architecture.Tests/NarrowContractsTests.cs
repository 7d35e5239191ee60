using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using HotSpots.Modules.Dashboard;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Modules.Tasking;
using HotSpots.Modules.Workforce;
using HotSpots.Modules.Workforce.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace HotSpots.Architecture.Tests;

/// <summary>
/// Contracts are narrow (docs/architecture.md, Contracts): another module may use only a module's reading contract,
/// the reading contracts answer with read-only values, and the demo's seam is no part of the production contract.
/// </summary>
public sealed class NarrowContractsTests
{
    private static readonly Dictionary<string, Assembly> Modules = ModuleRulesTests.Modules;

    /// <summary>
    /// The only interfaces of a module's contracts that another module may use. Every other interface there (imports,
    /// administration, the officer's own patrol, supervision, policy, the demo seam) is for the web host alone.
    /// </summary>
    private static readonly Dictionary<string, Type[]> ReadingContracts = new()
    {
        ["Ingestion"] = [typeof(IIngestedData)],
        ["Patrols"] = [typeof(IPatrolPresence)],
        ["Workforce"] = [typeof(IWorkforce)],
    };

    /// <summary>Contracts that only read, whose answers must be read-only values.</summary>
    private static readonly Type[] ReadOnlyContracts = [typeof(IIngestedData), typeof(IPatrolPresence), typeof(IPatrolSupervision), typeof(IWorkforce)];

    public static IEnumerable<object[]> OtherModules =>
        from owner in ReadingContracts.Keys from user in Modules.Keys where user != owner select new object[] { user, owner };

    private static Type[] InterfacesOfContracts(string owner) =>
        [.. Modules[owner].GetExportedTypes().Where(t => t.IsInterface && t.Namespace!.StartsWith($"HotSpots.Modules.{owner}.Contracts", StringComparison.Ordinal))];

    private static Type[] Refused(string owner) => [.. InterfacesOfContracts(owner).Except(ReadingContracts[owner])];

    [Theory]
    [MemberData(nameof(OtherModules))]
    public void A_module_uses_only_the_reading_contract_of_another(string user, string owner)
    {
        var refused = Refused(owner);
        refused.ShouldNotBeEmpty();
        TakenInConstructors(Modules[user], refused).ShouldBeEmpty($"{user} takes more of {owner} than its reading contract in a constructor");
        ReferencedBy(Modules[user], refused).ShouldBeEmpty($"{user} references more of {owner} than its reading contract");
    }

    /// <summary>The checks above can see a use: they find the reading contracts where modules use them, and the rest in the web host.</summary>
    [Fact]
    public void The_checks_find_each_contract_where_it_is_used()
    {
        foreach (var user in new[] { "Hotspots", "Patrols", "Dashboard" })
        {
            TakenInConstructors(Modules[user], [typeof(IIngestedData)]).ShouldNotBeEmpty(user);
            ReferencedBy(Modules[user], [typeof(IIngestedData)]).ShouldNotBeEmpty(user);
        }
        TakenInConstructors(Modules["Dashboard"], [typeof(IPatrolPresence)]).ShouldNotBeEmpty();
        foreach (var user in new[] { "Tasking", "Patrols", "Dashboard" })
            ReferencedBy(Modules[user], [typeof(IWorkforce)]).ShouldNotBeEmpty($"{user} should read people through IWorkforce");
        TakenInConstructors(Modules["Patrols"], [typeof(IWorkforce)]).ShouldNotBeEmpty();
        TakenInConstructors(Modules["Dashboard"], [typeof(IWorkforce)]).ShouldNotBeEmpty();
        foreach (var refused in ReadingContracts.Keys.SelectMany(Refused))
        {
            ReferencedBy(ModuleRulesTests.Web, [refused]).ShouldNotBeEmpty($"the web host should use {refused.Name}");
            TakenInConstructors(ModuleRulesTests.Web, [refused]).ShouldNotBeEmpty($"the web host should take {refused.Name} in a constructor");
        }
    }

    /// <summary>
    /// The sign-in accounts are Workforce's: their contracts (administration, set-up, the sessions' store) are for the web
    /// host alone, like <see cref="IWorkforceAdministration"/>, and what the sessions' store answers cannot be changed.
    /// </summary>
    [Fact]
    public void The_accounts_contracts_are_for_the_web_host_alone()
    {
        Type[] accounts = [typeof(IUserAdministration), typeof(IUserAccounts), typeof(IAccountSessions), typeof(IFirstUse)];
        Refused("Workforce").ShouldBe([typeof(IWorkforceAdministration), .. accounts], ignoreOrder: true);
        foreach (var contract in accounts)
        {
            foreach (var (name, assembly) in Modules.Where(m => m.Key != "Workforce"))
                ReferencedBy(assembly, [contract]).ShouldBeEmpty($"{name} uses {contract.Name}");
            TakenInConstructors(ModuleRulesTests.Web, [contract]).ShouldNotBeEmpty($"the web host should take {contract.Name} in a constructor");
        }
        typeof(IAccountSessions).GetMethods().SelectMany(m => Mutable(m.ReturnType, $"{nameof(IAccountSessions)}.{m.Name}", [])).ShouldBeEmpty();
    }

    [Fact]
    public void Reading_contracts_answer_with_read_only_values()
    {
        var problems = ReadOnlyContracts
            .SelectMany(contract => contract.GetMethods().SelectMany(m => Mutable(m.ReturnType, $"{contract.Name}.{m.Name}", [])))
            .ToList();
        problems.ShouldBeEmpty();
        // The check sees what it looks for.
        Mutable(typeof(Task<IReadOnlyList<int[]>>), "array", []).ShouldNotBeEmpty();
        Mutable(typeof(List<int>), "list", []).ShouldNotBeEmpty();
        Mutable(typeof(Settable), "setter", []).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_demo_seam_is_used_only_by_the_web_hosts_demo_and_implemented_only_by_its_module()
    {
        var demo = Modules.Values.SelectMany(a => a.GetExportedTypes()).Where(t => t.Namespace!.EndsWith(".Contracts.Demo", StringComparison.Ordinal)).ToArray();
        demo.ShouldContain(typeof(IDemoPatrolHistory));
        foreach (var (name, assembly) in Modules)
        {
            var registration = $"HotSpots.Modules.{name}.{name}Module";
            var users = ReferencedByTypes(assembly, demo)
                .Where(t => !(t.FullName == registration || Outermost(t).GetInterfaces().Any(demo.Contains)))
                .Select(t => t.FullName);
            users.ShouldBeEmpty($"{name} uses a demo contract outside its implementation and registration");
        }
        ReferencedByTypes(ModuleRulesTests.Web, demo).Where(t => t.Namespace != "HotSpots.Web.Demo").Select(t => t.FullName)
            .ShouldBeEmpty("only the web host's demo seed may use a demo contract");
        ReferencedByTypes(ModuleRulesTests.Web, demo).ShouldNotBeEmpty();
        foreach (var (name, assembly) in Modules)
            ReferencedByTypes(assembly, demo).Where(t => t.Namespace == $"HotSpots.Modules.{name}.Contracts").Select(t => t.FullName)
                .ShouldBeEmpty($"{name}'s production contract mentions a demo contract");
    }

    [Fact]
    public void No_module_registers_a_demo_contract_unless_the_host_asks_for_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["HOTSPOTS_DATA_DIR"] = Path.GetTempPath() }).Build();
        var services = new ServiceCollection()
            .AddIngestionModule(configuration).AddHotspotsModule(configuration).AddWorkforceModule(configuration).AddTaskingModule(configuration)
            .AddPatrolsModule(configuration).AddDashboardModule(configuration);
        services.ShouldNotBeEmpty();
        services.Where(d => d.ServiceType.Namespace?.EndsWith(".Contracts.Demo", StringComparison.Ordinal) == true).ShouldBeEmpty();
        services.AddPatrolsDemoHistory().ShouldContain(d => d.ServiceType == typeof(IDemoPatrolHistory));
    }

    private static List<string> TakenInConstructors(Assembly assembly, Type[] contracts) =>
        [.. from type in assembly.GetTypes()
            from constructor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            from parameter in constructor.GetParameters()
            where Mentioned(parameter.ParameterType).Any(contracts.Contains)
            select $"{type.FullName}({parameter.ParameterType.Name} {parameter.Name})"];

    /// <summary>The type and every type inside it: generic arguments and array elements (Func&lt;T&gt;, Lazy&lt;T&gt;, T[] …).</summary>
    private static IEnumerable<Type> Mentioned(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var t in inner.SelectMany(Mentioned)) yield return t;
    }

    /// <summary>Types that use any of <paramref name="contracts"/> anywhere: fields, signatures, method bodies, generic arguments.</summary>
    private static List<string> ReferencedBy(Assembly assembly, Type[] contracts) => [.. ReferencedByTypes(assembly, contracts).Select(t => t.FullName!)];

    private static IEnumerable<Type> ReferencedByTypes(Assembly assembly, Type[] contracts) =>
        Types.InAssembly(assembly).That().HaveDependencyOnAny([.. contracts.Select(c => c.FullName!)]).GetTypes()
            .Where(t => !contracts.Contains(t));

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static readonly Type[] ReadOnlyWrappers =
    [
        typeof(Task<>), typeof(ValueTask<>), typeof(IAsyncEnumerable<>), typeof(Nullable<>), typeof(IEnumerable<>),
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(IReadOnlySet<>),
        typeof(ReadOnlyMemory<>),
    ];

    /// <summary>What in a returned type a caller could change: arrays, mutable collections, properties with a setter.</summary>
    private static IEnumerable<string> Mutable(Type type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string)) yield break;
        if (type.IsArray)
        {
            yield return $"{path} is an array ({type.Name})";
            yield break;
        }
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Span<>) || type.GetGenericTypeDefinition() == typeof(Memory<>)))
        {
            yield return $"{path} is a writable view ({type.Name})";
            yield break;
        }
        if (type.IsGenericType && ReadOnlyWrappers.Contains(type.GetGenericTypeDefinition()))
        {
            foreach (var problem in type.GetGenericArguments().SelectMany(a => Mutable(a, $"{path}<{a.Name}>", seen))) yield return problem;
            yield break;
        }
        if (typeof(IList).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type)
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)))
        {
            yield return $"{path} is a changeable collection ({type.Name})";
            yield break;
        }
        if (type.Namespace?.StartsWith("HotSpots.", StringComparison.Ordinal) != true) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                yield return $"{path}.{property.Name} can be set";
            foreach (var problem in Mutable(property.PropertyType, $"{path}.{property.Name}", seen)) yield return problem;
        }
    }

    public sealed class Settable
    {
        public int Value { get; set; }
    }
}
