namespace AppleCliEmulator.Errors;

/// <summary>
/// <c>build</c> rethrows every failure as <c>NSError(domain: "Build", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(error)"])</c>
/// (BuildCommand.swift@1.2.2:470–472), so what it prints is the inner error's <c>String(describing:)</c>.
/// </summary>
internal sealed class BuildNSError(SwiftError inner) : SwiftError
{
    public override string Describing => $"Error Domain=Build Code=1 \"{inner.Describing}\" UserInfo={{NSLocalizedDescription={inner.Describing}}}";

    public override string Described => inner.Describing;
}
