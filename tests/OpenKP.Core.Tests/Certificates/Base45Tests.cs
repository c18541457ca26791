using System.Text;
using CsCheck;
using OpenKP.Certificates;

namespace OpenKP.Core.Tests.Certificates;

/// <summary>Base45 as RFC 9285 specifies it, with the RFC's own examples.</summary>
public sealed class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void Encodes_and_decodes_the_RFC_examples(string text, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.True(Base45.TryDecode(encoded, out var decoded));
        Assert.Equal(text, Encoding.ASCII.GetString(decoded));
    }

    [Theory]
    [InlineData("GGW")] // 65536: above two bytes (RFC 9285 section 6)
    [InlineData("A")] // a single character is no group
    [InlineData("BB8a")] // lower case is outside the alphabet
    [InlineData("BB#")]
    [InlineData(":;")]
    [InlineData("é8B")]
    public void Rejects_what_is_not_Base45(string text) => Assert.False(Base45.TryDecode(text, out _));

    [Fact]
    public void Any_bytes_round_trip() => Gen.Byte.Array[0, 600].Sample(bytes =>
    {
        var text = Base45.Encode(bytes);
        return Base45.TryDecode(text, out var back) && back.AsSpan().SequenceEqual(bytes)
            && text.Length == (bytes.Length / 2 * 3) + (bytes.Length % 2 * 2);
    });
}
