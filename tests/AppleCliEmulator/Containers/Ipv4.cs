namespace AppleCliEmulator.Containers;

/// <summary>
/// containerization's IPv4Address.parse (Sources/ContainerizationExtras/IPv4Address.swift@0.40.1): 7–15 characters, four
/// dot-separated decimal octets 0–255, no leading zeros, nothing else (so <c>127.0.0.1:5000</c> is not an address).
/// </summary>
internal static class Ipv4
{
    public static bool TryParse(string text, out uint value)
    {
        value = 0;
        if (text.Length is < 7 or > 15)
        {
            return false;
        }

        var octets = text.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3 || !octet.All(char.IsAsciiDigit) || (octet.Length > 1 && octet[0] == '0'))
            {
                return false;
            }

            var number = int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture);
            if (number > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)number;
        }

        return true;
    }
}
