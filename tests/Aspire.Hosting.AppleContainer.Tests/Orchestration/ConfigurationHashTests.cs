using System.Reflection;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>
/// The persistent-reuse key is complete by construction: every property of <see cref="RunSpec"/> (and of the ports and
/// mounts in it) changes it unless it is named in <see cref="ConfigurationHash.ExcludedProperties"/>, as DCP tests its
/// lifecycle key field by field. A property added later without a decision fails here.
/// </summary>
public class ConfigurationHashTests
{
    private const string ImageId = "0123456789abcdef";

    private static readonly RunSpec Full = new()
    {
        Name = "db-1234abcd",
        Image = "localhost/actr-test/service:latest",
        Entrypoint = ["/bin/sh"],
        Args = ["-c", "sleep 300"],
        SecretArgs = [1],
        Environment = new Dictionary<string, string> { ["MODE"] = "a", ["LEVEL"] = "2" },
        SecretEnvironment = new Dictionary<string, string> { ["PASSWORD"] = "p" },
        WorkingDirectory = "/work",
        User = "1000:1000",
        Ports = [new PortMapping(8080, 20080, "127.0.0.1", PortProtocol.Tcp)],
        Mounts = [new MountSpec(MountKind.Volume, "data", "/data", ReadOnly: false)],
        Labels = new Dictionary<string, string> { ["team"] = "payments", [ContainerLabels.Session] = "s1", [ContainerLabels.Owner] = "1-1" },
        Cpus = 1.5,
        MemoryBytes = 64L * 1024 * 1024,
        Network = "aspire",
        NetworkAliases = ["db"],
        Dns = ["10.0.0.1"],
        Init = true,
        Platform = "linux/arm64",
        ReadOnlyRootFilesystem = true,
        Persistent = true,
    };

    public static TheoryData<string> HashedProperties() =>
        [.. Properties(typeof(RunSpec)).Select(p => p.Name).Where(name => !ConfigurationHash.ExcludedProperties.ContainsKey(name))];

    public static TheoryData<string> ElementFields() =>
        [.. new[] { typeof(PortMapping), typeof(MountSpec) }.SelectMany(type => Properties(type).Select(p => $"{type.Name}.{p.Name}"))];

    [Theory]
    [MemberData(nameof(HashedProperties))]
    public void Each_property_of_the_spec_that_is_not_excluded_changes_the_hash(string name)
    {
        var changed = With(Full, typeof(RunSpec).GetProperty(name)!);

        Assert.NotEqual(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(changed, ImageId));
    }

    [Theory]
    [MemberData(nameof(ElementFields))]
    public void Each_field_of_a_published_port_and_of_a_mount_changes_the_hash(string field)
    {
        var (typeName, name) = (field.Split('.')[0], field.Split('.')[1]);
        var changed = typeName == nameof(PortMapping)
            ? Full with { Ports = [WithField(Full.Ports[0], name)] }
            : Full with { Mounts = [WithField(Full.Mounts[0], name)] };

        Assert.NotEqual(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(changed, ImageId));
    }

    [Fact]
    public void The_exclusions_name_real_properties_of_the_spec_each_with_a_reason_and_leave_the_hash_alone()
    {
        foreach (var (name, reason) in ConfigurationHash.ExcludedProperties)
        {
            var property = typeof(RunSpec).GetProperty(name);
            Assert.True(property is not null, $"'{name}' is excluded from the config hash but is no property of RunSpec.");
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.Equal(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(With(Full, property), ImageId));
        }
    }

    [Fact]
    public void The_session_the_owner_and_the_hash_label_itself_leave_the_hash_alone_while_other_labels_count()
    {
        var otherRun = Full with
        {
            Labels = new Dictionary<string, string>(Full.Labels) { [ContainerLabels.Session] = "s2", [ContainerLabels.Owner] = "2-2", [ContainerLabels.ConfigHash] = "old" },
        };
        var otherLabel = Full with { Labels = new Dictionary<string, string>(Full.Labels) { ["team"] = "billing" } };

        Assert.Equal(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(otherRun, ImageId));
        Assert.NotEqual(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(otherLabel, ImageId));
    }

    [Fact]
    public void A_different_image_id_under_the_same_reference_changes_the_hash()
    {
        Assert.NotEqual(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(Full, "fedcba9876543210"));
    }

    [Fact]
    public void The_same_configuration_gives_the_same_hash_whatever_order_its_maps_were_filled_in()
    {
        var again = Full with
        {
            Environment = new Dictionary<string, string> { ["LEVEL"] = "2", ["MODE"] = "a" },
            Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = "1-1", [ContainerLabels.Session] = "s1", ["team"] = "payments" },
            Ports = [new PortMapping(8080, 20080)],
        };

        var hash = ConfigurationHash.Compute(Full, ImageId);

        Assert.Equal(hash, ConfigurationHash.Compute(again, ImageId));
        Assert.Matches("^[0-9a-f]{32}$", hash);
    }

    [Fact]
    public void Stamping_sets_the_hash_label_to_the_hash_of_the_spec_and_the_image_id()
    {
        var stamped = ConfigurationHash.Stamp(Full, ImageId);

        Assert.Equal(ConfigurationHash.Compute(Full, ImageId), stamped.Labels[ContainerLabels.ConfigHash]);
        Assert.Equal(ConfigurationHash.Compute(Full, ImageId), ConfigurationHash.Compute(stamped, ImageId));
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>A copy of <paramref name="spec"/> with <paramref name="property"/> set to another value.</summary>
    private static RunSpec With(RunSpec spec, PropertyInfo property)
    {
        var copy = spec with { };
        property.SetValue(copy, Other(property.PropertyType, property.GetValue(spec), $"RunSpec.{property.Name}"));
        return copy;
    }

    /// <summary>A copy of a positional record with the field <paramref name="name"/> set to another value.</summary>
    private static T WithField<T>(T value, string name)
        where T : notnull
    {
        var constructor = typeof(T).GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var current = typeof(T).GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.GetValue(value);
            return string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase) ? Other(parameter.ParameterType, current, $"{typeof(T).Name}.{name}") : current;
        });
        return (T)constructor.Invoke([.. arguments]);
    }

    /// <summary>Another value of <paramref name="type"/> than <paramref name="current"/>; a type it cannot vary fails the test, asking for a decision.</summary>
    private static object? Other(Type type, object? current, string what)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => current is string s ? s + "-changed" : "changed",
            _ when underlying == typeof(bool) => !(bool)(current ?? false),
            _ when underlying == typeof(int) => (int)(current ?? 0) + 1,
            _ when underlying == typeof(long) => (long)(current ?? 0L) + 1,
            _ when underlying == typeof(double) => (double)(current ?? 0d) + 1,
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(current)),
            _ when underlying == typeof(IReadOnlyList<int>) => (IReadOnlyList<int>)[.. (IReadOnlyList<int>?)current ?? [], 99],
            _ when underlying == typeof(IReadOnlyList<string>) => (IReadOnlyList<string>)[.. (IReadOnlyList<string>?)current ?? [], "changed"],
            _ when underlying == typeof(IReadOnlyDictionary<string, string>) =>
                new Dictionary<string, string>((IReadOnlyDictionary<string, string>?)current ?? new Dictionary<string, string>()) { ["CHANGED"] = "1" },
            _ when underlying == typeof(IReadOnlyList<PortMapping>) => (IReadOnlyList<PortMapping>)[.. (IReadOnlyList<PortMapping>?)current ?? [], new PortMapping(9999)],
            _ when underlying == typeof(IReadOnlyList<ContainerFileSet>) => (IReadOnlyList<ContainerFileSet>)[
                .. (IReadOnlyList<ContainerFileSet>?)current ?? [], new ContainerFileSet { Destination = "/changed", Entries = [new ContainerFileEntry { Name = "f" }] }],
            _ when underlying == typeof(IReadOnlyList<MountSpec>) => (IReadOnlyList<MountSpec>)[.. (IReadOnlyList<MountSpec>?)current ?? [], new MountSpec(MountKind.Tmpfs, null, "/tmp")],
            _ => throw new InvalidOperationException(
                $"{what} is of type {type.Name}, which this test cannot vary: teach it how, and decide whether the config hash covers it (ConfigurationHash.ExcludedProperties)."),
        };
    }
}
