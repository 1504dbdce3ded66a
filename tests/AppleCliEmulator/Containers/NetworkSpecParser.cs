using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>Parser.network (Parser.swift@1.2.2:830–891): <c>name[,mac=XX:…][,mtu=N]</c>.</summary>
internal static class NetworkSpecParser
{
    public static (string Name, string? Mac, uint? Mtu) Parse(string spec)
    {
        if (spec.Length == 0)
        {
            throw Invalid("network specification cannot be empty");
        }

        var parts = SwiftSplit.Split(spec, ',', omitEmpty: false);
        var name = parts[0];
        if (name.Length == 0)
        {
            throw Invalid("network name cannot be empty");
        }

        string? mac = null;
        uint? mtu = null;
        foreach (var part in parts.Skip(1))
        {
            var keyValue = SwiftSplit.Split(part, '=', maxSplits: 2, omitEmpty: false);
            if (keyValue.Count != 2)
            {
                throw Invalid($"invalid property format '{part}' in network specification '{spec}'");
            }

            switch (keyValue[0])
            {
                case "mac":
                    mac = keyValue[1].Length > 0 ? keyValue[1] : throw Invalid("mac address value cannot be empty");
                    break;
                case "mtu":
                    mtu = uint.TryParse(keyValue[1], out var value) && value is >= 1280 and <= 65535
                        ? value
                        : throw Invalid($"invalid mtu value '{keyValue[1]}': must be between 1280 and 65535");
                    break;
                default:
                    throw Invalid($"unknown network property '{keyValue[0]}'. Available properties: mac, mtu");
            }
        }

        return (name, mac, mtu);
    }

    private static CliFailure Invalid(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
