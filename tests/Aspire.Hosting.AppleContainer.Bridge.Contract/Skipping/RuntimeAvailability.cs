using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// Answers once per test run whether a dialect's runtime is installed. Derive one per dialect and name it in a
/// <see cref="RuntimeAvailabilityAttribute"/> on the dialect's fixture.
/// </summary>
public abstract class RuntimeAvailability
{
    private static readonly ConcurrentDictionary<Type, Lazy<string?>> Cache = new();

    /// <summary>
    /// Why the tests must skip (the runtime is not installed), or null when they run. Must not fail for a
    /// runtime that is installed but broken: such a runtime fails the tests instead.
    /// </summary>
    protected abstract string? ProbeSkipReason();

    /// <summary>The cached skip reason of the availability type <paramref name="availabilityType"/>.</summary>
    public static string? SkipReasonOf(Type availabilityType) =>
        Cache.GetOrAdd(availabilityType, type => new Lazy<string?>(() =>
        {
            var probe = (RuntimeAvailability)Activator.CreateInstance(type)!;
            return probe.ProbeSkipReason();
        })).Value;

    /// <summary>
    /// The skip reason for a test class: the availability named by the <see cref="RuntimeAvailabilityAttribute"/> of
    /// the fixture it uses through <see cref="IClassFixture{TFixture}"/> (or of the class itself, or of a type argument
    /// of either, as in <c>AppFixture&lt;PodmanTestRuntime&gt;</c>); null when none.
    /// </summary>
    public static string? SkipReasonForTestClass(Type testClass)
    {
        var fixtures = testClass.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(i => i.GetGenericArguments()[0])
            .Prepend(testClass);
        var candidates = fixtures.SelectMany(WithTypeArguments);
        foreach (var candidate in candidates)
        {
            var attribute = candidate.GetCustomAttributes(typeof(RuntimeAvailabilityAttribute), inherit: true)
                .Cast<RuntimeAvailabilityAttribute>()
                .FirstOrDefault();
            if (attribute is not null)
            {
                return SkipReasonOf(attribute.AvailabilityType);
            }
        }

        return null;
    }

    private static IEnumerable<Type> WithTypeArguments(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(WithTypeArguments).Prepend(type) : [type];
}
