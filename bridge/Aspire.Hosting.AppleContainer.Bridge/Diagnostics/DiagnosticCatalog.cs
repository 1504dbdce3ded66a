using System.Globalization;
using System.Resources;

namespace Aspire.Hosting.AppleContainer.Bridge.Diagnostics;

/// <summary>
/// Maps bridge error codes to the product's user-facing diagnostics (<c>ACTRnnnn</c>), whose texts live in
/// <c>DiagnosticMessages.resx</c> with the code at the start of each value. The integration and the MSBuild tasks
/// both describe failures through this catalog, so raw stderr never reaches a user unwrapped.
/// </summary>
internal static class DiagnosticCatalog
{
    private static readonly ResourceManager Messages =
        new("Aspire.Hosting.AppleContainer.Bridge.Diagnostics.DiagnosticMessages", typeof(DiagnosticCatalog).Assembly);

    private static readonly Dictionary<string, string> ResourceNames = new(StringComparer.Ordinal)
    {
        [BridgeErrorCode.RuntimeNotFound] = "RuntimeNotFound",
        [BridgeErrorCode.RuntimeNotRunning] = "RuntimeNotRunning",
        [BridgeErrorCode.UnsupportedRuntime] = "UnsupportedRuntime",
        [BridgeErrorCode.BuilderUnavailable] = "BuilderUnavailable",
        [BridgeErrorCode.InvalidSpec] = "InvalidSpec",
        [BridgeErrorCode.UnsupportedOption] = "UnsupportedOption",
        [BridgeErrorCode.NameInUse] = "NameInUse",
        [BridgeErrorCode.PortInUse] = "PortInUse",
        [BridgeErrorCode.VolumeInUse] = "VolumeInUse",
        [BridgeErrorCode.NetworkInUse] = "NetworkInUse",
        [BridgeErrorCode.CliFailed] = "CliFailed",
        [BridgeErrorCode.UnparseableOutput] = "UnparseableOutput",
        [BridgeErrorCode.Timeout] = "Timeout",
        [BridgeErrorCode.ContainerNotFound] = "ContainerNotFound",
        [BridgeErrorCode.VolumeNotFound] = "VolumeNotFound",
        [BridgeErrorCode.NetworkNotFound] = "NetworkNotFound",
        [BridgeErrorCode.InvalidState] = "InvalidState",
        [BridgeErrorCode.BuildFailed] = "BuildFailed",
        [BridgeErrorCode.ImageNotFound] = "ImageNotFound",
        [BridgeErrorCode.RegistryUnreachable] = "RegistryUnreachable",
        [BridgeErrorCode.RegistryAuthRefused] = "RegistryAuthRefused",
    };

    /// <summary>Every bridge error code that has a diagnostic.</summary>
    public static IReadOnlyCollection<string> KnownCodes => ResourceNames.Keys;

    /// <summary>The diagnostic for a bridge error code (unknown codes are described as <see cref="BridgeErrorCode.CliFailed"/>).</summary>
    public static BridgeDiagnostic ForCode(string code)
    {
        var name = ResourceNames.GetValueOrDefault(code) ?? ResourceNames[BridgeErrorCode.CliFailed];
        var message = Messages.GetString(name, CultureInfo.CurrentUICulture)!;
        var id = message[..message.IndexOf(':', StringComparison.Ordinal)];
        return new BridgeDiagnostic(id, message, Messages.GetString(name + "_Hint", CultureInfo.CurrentUICulture));
    }

    /// <summary>
    /// Describes a failure: the code's diagnostic, followed by the exception's own message (which names what failed)
    /// and its hint when it has a more specific one.
    /// </summary>
    public static BridgeDiagnostic Describe(BridgeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var diagnostic = ForCode(exception.Code);
        return diagnostic with
        {
            Message = $"{diagnostic.Message} {exception.Message}",
            Hint = exception.Hint ?? diagnostic.Hint,
        };
    }
}
