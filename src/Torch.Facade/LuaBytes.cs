using System.Text;

namespace Torch;

/// <summary>
/// A Lua string that is not valid UTF-8 text. Lua strings are byte strings; a .t7 file's strings load as ordinary .NET
/// strings when their bytes are valid UTF-8, and as a <see cref="LuaBytes"/> otherwise, so that saving writes the very
/// bytes that were read and distinct keys (<c>"\xFF"</c>, <c>"\xFE"</c>) stay distinct. Equal bytes make equal values,
/// as for strings: a <see cref="LuaBytes"/> works as a table key.
/// </summary>
/// <remarks>Example: <c>var k = new LuaBytes(new byte[] { 0xFF }); t[new LuaValue(k)] = 1; byte[] raw = k.ToArray();</c></remarks>
public sealed class LuaBytes : IEquatable<LuaBytes>
{
    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    readonly byte[] bytes;

    /// <summary>A byte string holding a copy of <paramref name="bytes"/>. Example: <c>new LuaBytes(new byte[] { 0x41, 0x80 })</c>.</summary>
    public LuaBytes(ReadOnlySpan<byte> bytes) => this.bytes = bytes.ToArray();

    /// <summary>The number of bytes (Lua's <c>#s</c>). Example: <c>new LuaBytes(new byte[] { 0xFF }).Length == 1</c>.</summary>
    public int Length => bytes.Length;

    /// <summary>The bytes, read-only. Example: <c>byte b = s.Bytes[0];</c></summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>A copy of the bytes. Example: <c>byte[] raw = s.ToArray();</c></summary>
    public byte[] ToArray() => (byte[])bytes.Clone();

    /// <summary>The Lua string of these bytes as .NET code sees it: a <see cref="string"/> when they are valid UTF-8 text
    /// (the text encodes back to exactly these bytes), else a <see cref="LuaBytes"/>.
    /// Example: <c>object s = LuaBytes.Of(new byte[] { 0x68, 0x69 }); // "hi"</c></summary>
    public static object Of(ReadOnlySpan<byte> bytes)
    {
        try { return Strict.GetString(bytes); }
        catch (DecoderFallbackException) { return new LuaBytes(bytes); }
    }

    /// <summary>The bytes of a Lua string value (a <see cref="string"/>, UTF-8 encoded, or a <see cref="LuaBytes"/>).
    /// Example: <c>byte[] b = LuaBytes.BytesOf("hi");</c></summary>
    public static byte[] BytesOf(object luaString) => luaString switch
    {
        string s => Encoding.UTF8.GetBytes(s),
        LuaBytes b => b.ToArray(),
        _ => throw new ArgumentException($"LuaBytes.BytesOf: expected a string or LuaBytes, got {luaString.GetType().Name}"),
    };

    /// <summary>Same bytes. Example: <c>a.Equals(b)</c>.</summary>
    public bool Equals(LuaBytes? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <summary>Same bytes. Example: <c>a.Equals((object)b)</c>.</summary>
    public override bool Equals(object? obj) => obj is LuaBytes b && Equals(b);

    /// <summary>A hash of the bytes. Example: <c>s.GetHashCode()</c>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(bytes);
        return h.ToHashCode();
    }

    /// <summary>For display: the text, with each byte that is not part of valid UTF-8 written as <c>\xHH</c>.
    /// Example: <c>new LuaBytes(new byte[] { 0x41, 0x80 }).ToString() == "A\\x80"</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(rest, new char[rest.Length], out int read, out _, replaceInvalidSequences: false);
            sb.Append(Encoding.UTF8.GetString(rest[..read]));
            rest = rest[read..];
            if (status == System.Buffers.OperationStatus.Done || rest.IsEmpty) break;
            sb.Append($"\\x{rest[0]:X2}");
            rest = rest[1..];
        }
        return sb.ToString();
    }
}
