namespace AppleCliEmulator.Errors;

/// <summary>
/// <c>AggregateError</c> (Sources/ContainerCommands/AggregateError.swift@1.2.2): not a <c>LocalizedError</c>, described as
/// each error's <c>String(describing:)</c> on its own line. Thrown by <c>stop</c>, <c>kill</c> and <c>delete</c>.
/// </summary>
internal sealed class AggregateError(IReadOnlyList<SwiftError> errors) : SwiftError
{
    public IReadOnlyList<SwiftError> Errors { get; } = errors;

    public override string Describing => string.Join('\n', Errors.Select(e => e.Describing));
}
