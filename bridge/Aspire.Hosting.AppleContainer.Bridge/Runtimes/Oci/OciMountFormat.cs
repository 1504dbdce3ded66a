using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>The <c>--publish</c> and <c>--mount</c> values of the OCI CLIs.</summary>
internal static class OciMountFormat
{
    /// <summary><c>addr:host:container/proto</c>; an empty host port lets the runtime choose; IPv6 in brackets.</summary>
    public static string Publish(PortMapping port)
    {
        var address = IPAddress.TryParse(port.HostAddress, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{port.HostAddress}]"
            : port.HostAddress;
        var hostPort = port.HostPort?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var protocol = port.Protocol == PortProtocol.Udp ? "udp" : "tcp";
        return $"{address}:{hostPort}:{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{protocol}";
    }

    /// <summary>
    /// <c>type=...,source=...,target=...[,ro]</c>. podman splits the value on commas without CSV quoting, so a
    /// path containing a comma, a double quote or a line break cannot be represented and is rejected as invalid_spec.
    /// </summary>
    public static string Mount(MountSpec mount)
    {
        var target = Checked(mount.Target);
        var value = mount.Kind switch
        {
            MountKind.Bind => $"type=bind,source={Checked(mount.Source!)},target={target}",
            MountKind.Volume => $"type=volume,source={Checked(mount.Source!)},target={target}",
            _ => $"type=tmpfs,target={target}",
        };
        return mount.ReadOnly ? value + ",ro" : value; // "ro": podman 4.3 rejects "readonly" on volume mounts; docker takes both.
    }

    private static string Checked(string path)
    {
        if (path.IndexOfAny([',', '"', '\n', '\r']) >= 0)
        {
            throw new BridgeException(
                BridgeErrorCode.InvalidSpec,
                $"The mount path '{path}' contains a comma, a double quote or a line break, which the OCI --mount option cannot carry.")
            {
                Option = "mount",
            };
        }

        return path;
    }
}
