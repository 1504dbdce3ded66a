namespace AppleCliEmulator.Errors;

/// <summary>An error whose description is a plain text (a <c>CustomStringConvertible</c> that is not a <c>LocalizedError</c>).</summary>
internal sealed class TextError(string text) : SwiftError
{
    public override string Describing { get; } = text;
}
