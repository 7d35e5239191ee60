using QRCoder;

namespace HotSpots.Web.Security;

/// <summary>
/// The otpauth:// address of an authenticator key drawn as a QR code, as SVG markup to place in the page: no script,
/// no image request, nothing the content security policy has to allow.
/// </summary>
internal static class AuthenticatorQrCode
{
    public static string Svg(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        // Medium error correction: the address is short, and a phone camera reads it off a screen.
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
