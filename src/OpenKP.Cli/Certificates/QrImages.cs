using OpenKP.Cli.Shared;
using OpenKP.Shared;

namespace OpenKP.Cli.Certificates;

/// <summary>
/// How <c>openkp verify --image</c> reads a QR from a photo: <see cref="CliContext.ReadQrImage"/>, with the
/// signature of Core's <c>QrImageReader.Read(byte[]) → Outcome&lt;string&gt;</c>. This build has no image
/// reader yet, so the default says so; wiring the real reader is one line in <see cref="CliContext"/>.
/// </summary>
internal static class QrImages
{
    public static Outcome<string> Unavailable(byte[] image) => Outcome<string>.Invalid(new Violation(
        CliCodes.ImageUnsupported, "This build of openkp cannot read a QR code from an image: give the QR text (KP1:…) instead.", "--image"));
}
