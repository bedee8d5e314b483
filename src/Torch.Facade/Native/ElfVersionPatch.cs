using System.Buffers.Binary;
using System.Text;

namespace Torch.Native;

/// <summary>
/// Relaxes one symbol-version requirement of a 64-bit little-endian ELF shared object, in memory.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13, whose &lt;iostream&gt; plants an
/// undefined reference to <c>std::ios_base_library_init()</c> tagged <c>GLIBCXX_3.4.32</c>. No relocation
/// uses that symbol (it exists only to pin the newer libstdc++), so marking the version requirement
/// WEAK and giving the symbol the base version is enough for an older libstdc++ to load the library.
/// Example: <c>bool changed = ElfVersionPatch.Relax(bytes, "GLIBCXX_3.4.32");</c>
/// </remarks>
internal static class ElfVersionPatch
{
    const uint ShtDynsym = 11, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    const ushort VerFlagWeak = 0x2, VersionGlobal = 1;

    /// <summary>
    /// Marks the requirement on <paramref name="version"/> WEAK and moves the symbols that asked for it to
    /// the base version. Returns false when the file has no such requirement or is already patched.
    /// Example: <c>ElfVersionPatch.Relax(File.ReadAllBytes(so), "GLIBCXX_3.4.32")</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">the bytes are not a 64-bit little-endian ELF file.</exception>
    public static bool Relax(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("ElfVersionPatch: expected a 64-bit little-endian ELF file");
        var sections = ReadSections(elf);
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtVerneed);
        var versym = sections.FirstOrDefault(s => s.Type == ShtVersym);
        if (dynsym is null || verneed is null || versym is null) return false;
        var strtab = sections[(int)dynsym.Link];

        int index = MarkWeak(elf, verneed, strtab, version, out bool changed);
        if (index == 0) return false;
        int count = (int)(dynsym.Size / 24);
        for (int i = 0; i < count; i++)
        {
            var at = elf.AsSpan((int)versym.Offset + 2 * i, 2);
            if ((BinaryPrimitives.ReadUInt16LittleEndian(at) & 0x7fff) == index)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(at, VersionGlobal);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// Whether <paramref name="elf"/> still has a non-weak requirement on <paramref name="version"/>.
    /// Example: <c>ElfVersionPatch.Requires(bytes, "GLIBCXX_3.4.32")</c>.
    /// </summary>
    public static bool Requires(byte[] elf, string version)
    {
        var copy = (byte[])elf.Clone();
        return Relax(copy, version);
    }

    sealed record Section(uint Type, long Offset, long Size, uint Link);

    static List<Section> ReadSections(byte[] elf)
    {
        long shoff = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(0x28));
        int entSize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3a));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3c));
        if (shoff <= 0 || shoff + (long)entSize * count > elf.Length)
            throw new InvalidDataException("ElfVersionPatch: section header table lies outside the file");
        var list = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            var h = elf.AsSpan((int)(shoff + (long)i * entSize));
            list.Add(new Section(
                BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadInt64LittleEndian(h[24..]),
                BinaryPrimitives.ReadInt64LittleEndian(h[32..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[40..])));
        }
        return list;
    }

    /// <returns>the version's index (2 or more), or 0 when the file does not require it.</returns>
    static int MarkWeak(byte[] elf, Section verneed, Section strtab, string version, out bool changed)
    {
        changed = false;
        int entry = (int)verneed.Offset;
        while (true)
        {
            int cnt = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(entry + 2));
            int aux = entry + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(entry + 8));
            for (int i = 0; i < cnt; i++)
            {
                int nameOff = (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8));
                if (CString(elf, (int)strtab.Offset + nameOff) == version)
                {
                    var flags = elf.AsSpan(aux + 4, 2);
                    ushort f = BinaryPrimitives.ReadUInt16LittleEndian(flags);
                    int other = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(aux + 6));
                    changed = (f & VerFlagWeak) == 0;
                    BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(f | VerFlagWeak));
                    return other;
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
                if (next == 0) break;
                aux += (int)next;
            }
            uint nextEntry = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(entry + 12));
            if (nextEntry == 0) return 0;
            entry += (int)nextEntry;
        }
    }

    static string CString(byte[] b, int off)
    {
        int end = Array.IndexOf(b, (byte)0, off);
        return Encoding.ASCII.GetString(b, off, end - off);
    }
}
