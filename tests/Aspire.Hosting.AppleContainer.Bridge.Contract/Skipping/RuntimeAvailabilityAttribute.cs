namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Names the <see cref="RuntimeAvailability"/> that decides whether a fixture's tests run.</summary>
/// <param name="availabilityType">A <see cref="RuntimeAvailability"/> subtype with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RuntimeAvailabilityAttribute(Type availabilityType) : Attribute
{
    /// <summary>The <see cref="RuntimeAvailability"/> subtype.</summary>
    public Type AvailabilityType { get; } = availabilityType;
}
