using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OpenKP.Certificates;

namespace OpenKP.Web.Certificates;

/// <summary>
/// Private signing keys as files under <c>{data}/keys/signing/{keyid}.key</c>: PKCS#8, encrypted with
/// ASP.NET Core Data Protection (AES-256-CBC + HMAC, keys rotated by Data Protection itself), readable
/// by the service account only. Loaded keys stay in memory; a key is used by one signer at a time.
/// An HSM replaces this class behind <see cref="ISigningKeyVault"/> (ADR 0011).
/// </summary>
internal sealed class FileKeyVault : ISigningKeyVault, IDisposable
{
    private const string Purpose = "OpenKP.SigningKeys.v1";
    private readonly string _directory;
    private readonly IDataProtector _protector;
    private readonly ConcurrentDictionary<string, ECDsa> _loaded = new(StringComparer.Ordinal);

    public FileKeyVault(string directory, IDataProtectionProvider protection)
    {
        _directory = directory;
        _protector = protection.CreateProtector(Purpose);
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public byte[] Create()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var id = KeyIds.Hex(KeyIds.Of(publicKey));
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            var path = PathOf(id);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, _protector.Protect(pkcs8));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        _loaded[id] = key;
        return publicKey;
    }

    public bool TryUse<T>(byte[] keyId, Func<ECDsa, T> sign, out T result)
    {
        var id = KeyIds.Hex(keyId);
        if (!_loaded.TryGetValue(id, out var key))
        {
            var path = PathOf(id);
            if (!File.Exists(path))
            {
                result = default!;
                return false;
            }

            var pkcs8 = _protector.Unprotect(File.ReadAllBytes(path));
            try
            {
                var loaded = ECDsa.Create();
                loaded.ImportPkcs8PrivateKey(pkcs8, out _);
                key = _loaded.GetOrAdd(id, loaded);
                if (!ReferenceEquals(key, loaded))
                {
                    loaded.Dispose();
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }

        lock (key)
        {
            result = sign(key);
        }

        return true;
    }

    public void Destroy(byte[] keyId)
    {
        var id = KeyIds.Hex(keyId);
        if (_loaded.TryRemove(id, out var key))
        {
            lock (key)
            {
                key.Dispose();
            }
        }

        File.Delete(PathOf(id));
    }

    public void Dispose()
    {
        foreach (var key in _loaded.Values)
        {
            key.Dispose();
        }

        _loaded.Clear();
    }

    private string PathOf(string keyIdHex) => Path.Combine(_directory, keyIdHex + ".key");
}
