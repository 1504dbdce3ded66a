using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// The name OpenSSL looks a CA certificate up by in a certificate directory (<c>SSL_CERT_DIR</c>):
/// <c>openssl x509 -subject_hash</c>, i.e. <c>X509_NAME_hash_ex</c>: the SHA-1 of the subject's canonical encoding
/// (every string value as a UTF8String, lower-cased, trimmed, inner white space collapsed), its first four bytes read
/// little-endian, in eight hex digits. DCP names the certificates it writes into a container so
/// (microsoft/dcp <c>internal/openssl/name.go</c> <c>SubjectHash</c>), followed by <c>.0</c>, <c>.1</c>... per collision.
/// </summary>
internal static class OpenSslSubjectHash
{
    /// <summary>The subject hash of <paramref name="certificate"/>, eight lower-case hex digits.</summary>
    public static string Compute(X509Certificate2 certificate)
    {
        var reader = new AsnReader(certificate.SubjectName.RawData, AsnEncodingRules.DER);
        var rdns = reader.ReadSequence();
        var canonical = new MemoryStream();
        while (rdns.HasData)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            var set = rdns.ReadSetOf();
            using (writer.PushSetOf())
            {
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(attribute.ReadObjectIdentifier());
                        var tag = attribute.PeekTag();
                        if (tag.TagClass == TagClass.Universal && IsString((UniversalTagNumber)tag.TagValue))
                        {
                            writer.WriteCharacterString(UniversalTagNumber.UTF8String, Canonical(attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue)));
                        }
                        else
                        {
                            writer.WriteEncodedValue(attribute.ReadEncodedValue().Span);
                        }
                    }
                }
            }

            canonical.Write(writer.Encode());
        }

        var hash = SHA1.HashData(canonical.ToArray());
        return BinaryPrimitives.ReadUInt32LittleEndian(hash).ToString("x8", CultureInfo.InvariantCulture);
    }

    private static bool IsString(UniversalTagNumber tag) => tag is UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString
        or UniversalTagNumber.IA5String or UniversalTagNumber.T61String or UniversalTagNumber.BMPString
        or UniversalTagNumber.UniversalString or UniversalTagNumber.VisibleString;

    /// <summary>As OpenSSL canonicalises a name's value (DCP's <c>CanonicalName</c>): ASCII lower-cased, white space trimmed and collapsed.</summary>
    private static string Canonical(string value)
    {
        var result = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (c <= 0x7f && char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c <= 0x7f ? char.ToLowerInvariant(c) : c);
        }

        return result.ToString();
    }
}
