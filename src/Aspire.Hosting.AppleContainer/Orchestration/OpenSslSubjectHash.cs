using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// OpenSSL's subject hash (<c>openssl x509 -subject_hash</c>, <c>X509_NAME_hash_ex</c>), which names the
/// <c>&lt;hash&gt;.N</c> links a certificate directory needs (<c>c_rehash</c>); DCP computes it the same way
/// (microsoft/dcp <c>internal/openssl</c>). The name is canonicalised as OpenSSL's <c>x509_name_canon</c> does: each
/// string value converted to UTF-8, trimmed, inner whitespace runs collapsed to one space, ASCII letters lowered, and
/// re-encoded as a UTF8String; the hash is the first four bytes of the SHA-1 of the RDN sets' encodings, little-endian.
/// </summary>
internal static class OpenSslSubjectHash
{
    private static readonly HashSet<UniversalTagNumber> CanonicalizedTypes =
    [
        UniversalTagNumber.UTF8String, UniversalTagNumber.BMPString, UniversalTagNumber.UniversalString,
        UniversalTagNumber.PrintableString, UniversalTagNumber.T61String, UniversalTagNumber.IA5String, UniversalTagNumber.VisibleString,
    ];

    /// <summary>The eight lowercase hex digits of the hash of <paramref name="distinguishedName"/> (DER).</summary>
    public static string Compute(ReadOnlyMemory<byte> distinguishedName)
    {
        var name = new AsnReader(distinguishedName, AsnEncodingRules.DER).ReadSequence();
        var canonical = new List<byte>();
        while (name.HasData)
        {
            var set = name.ReadSetOf();
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSetOf())
            {
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(attribute.ReadObjectIdentifier());
                        var tag = attribute.PeekTag();
                        if (tag.TagClass == TagClass.Universal && CanonicalizedTypes.Contains((UniversalTagNumber)tag.TagValue))
                        {
                            writer.WriteCharacterString(UniversalTagNumber.UTF8String, Canonicalize(ReadText(attribute, (UniversalTagNumber)tag.TagValue)));
                        }
                        else
                        {
                            writer.WriteEncodedValue(attribute.ReadEncodedValue().Span);
                        }
                    }
                }
            }

            canonical.AddRange(writer.Encode());
        }

        var digest = SHA1.HashData(canonical.ToArray());
        var hash = digest[0] | ((uint)digest[1] << 8) | ((uint)digest[2] << 16) | ((uint)digest[3] << 24);
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadText(AsnReader reader, UniversalTagNumber type) => type == UniversalTagNumber.T61String
        ? Encoding.Latin1.GetString(reader.ReadOctetString(new Asn1Tag(UniversalTagNumber.T61String))) // OpenSSL reads T61 as Latin-1.
        : reader.ReadCharacterString(type);

    private static string Canonicalize(string value)
    {
        var text = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in value.Trim(' ', '\t', '\n', '\v', '\f', '\r'))
        {
            if (c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c);
        }

        return text.ToString();
    }
}
