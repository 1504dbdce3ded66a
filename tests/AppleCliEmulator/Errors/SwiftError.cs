namespace AppleCliEmulator.Errors;

/// <summary>
/// An error as Apple's CLI sees it, with the two texts that decide what it prints: <see cref="Describing"/> is
/// <c>String(describing: error)</c>, <see cref="Described"/> is swift-argument-parser's <c>describe()</c>, which
/// prefers <c>LocalizedError.errorDescription</c> (Sources/ArgumentParser/Utilities/Foundation.swift@1.8.2:18–33).
/// </summary>
internal abstract class SwiftError
{
    /// <summary><c>String(describing: error)</c>.</summary>
    public abstract string Describing { get; }

    /// <summary>What <c>exit(withError:)</c> prints after <c>Error: </c> (MessageInfo.swift@1.8.2:126).</summary>
    public virtual string Described => Describing;
}
