using Torch.Nn;

namespace Torch.Fuzz;

/// <summary>
/// .t7 cases: a file from the corpus (Torch7's fixtures, hand-made hostile files, files of our own objects), mutated by
/// the seed (bit flips, 32-bit fields set to edge values, cuts, insertions, splices), then loaded. Loading may only
/// succeed or raise an InvalidDataException; what loads is printed, used (a module runs a forward) and saved again, and a
/// second save must give the same bytes as the first (otherwise a value changed silently on the way).
/// </summary>
sealed class T7Cases : ICases
{
    static readonly Lazy<List<(string Name, byte[] Bytes, string Format)>> corpus = new(Corpus);

    static readonly int[] EdgeInts = { 0, 1, -1, 2, 3, 4, 7, 8, 64, 65, 255, 1000, 10_000, int.MaxValue, int.MinValue, 1 << 30, -2 };

    public string Run(int seed, bool verbose)
    {
        var rng = new Random(seed);
        var (name, original, format) = corpus.Value[rng.Next(corpus.Value.Count)];
        var bytes = rng.Next(8) == 0 ? original : Mutate(original, rng);
        if (verbose) Console.WriteLine($"{name} ({format}), {bytes.Length} bytes, mutated: {!ReferenceEquals(bytes, original)}");
        object? o;
        try { o = torch.Deserialize(bytes, format); }
        catch (InvalidDataException e) when (e.Message.StartsWith("torch.Load: <bytes>: at byte ", StringComparison.Ordinal))
        {
            if (verbose) Console.WriteLine(e.Message);
            return $"refused {name}";
        }
        catch (Exception e) { throw new Finding("error", $"loading {name} raised {e.GetType().Name}, not the file error", e); }
        Use(o, rng, verbose);
        Resave(o, format, name);
        return $"loaded {name} as {new LuaValue(o).Describe()}";
    }

    /// <summary>Prints the object and runs a module on a few inputs: only clear errors may come out.</summary>
    static void Use(object? o, Random rng, bool verbose)
    {
        Clear(() => _ = o?.ToString(), "printing");
        if (o is Tensor t) Clear(() => _ = t.ToArray().Sum(), "reading the elements");
        if (o is not Module m) return;
        foreach (var input in Inputs(rng))
        {
            try { m.Forward(input); m.Backward(input, m.Output); }
            catch (Exception e) when (Verdict.Unclear(e) is null) { if (verbose) Console.WriteLine($"forward refused: {e.Message}"); }
            catch (Exception e) { throw new Finding("error", $"running the loaded {m.TypeName}: {Verdict.Unclear(e)}", e); }
        }
    }

    static IEnumerable<LuaValue> Inputs(Random rng)
    {
        yield return torch.Rand(5);
        yield return torch.Rand(3, 5);
        yield return torch.Rand(2, 3, 8, 8);
        yield return new Table(torch.LongTensor(new[] { 1.0, 2 + rng.Next(3) }), torch.Rand(2));
    }

    static void Clear(Action a, string what)
    {
        try { a(); }
        catch (Exception e) when (Verdict.Unclear(e) is { } why) { throw new Finding("error", $"{what} the loaded object: {why}", e); }
        catch (Exception) { }
    }

    /// <summary>Save, load, save: the two files must be equal, byte for byte.</summary>
    static void Resave(object? o, string format, string name)
    {
        byte[] first;
        try { first = torch.Serialize(o, format); }
        catch (Exception e) when (Verdict.Unclear(e) is null) { return; } // e.g. an object the library loads but cannot write
        catch (Exception e) { throw new Finding("error", $"saving the loaded {name}: {Verdict.Unclear(e)}", e); }
        object? again;
        try { again = torch.Deserialize(first, format); }
        catch (Exception e) { throw new Finding("silent", $"{name}: what the library saved does not load again: {e.Message}", e); }
        var second = torch.Serialize(again, format);
        if (!first.AsSpan().SequenceEqual(second))
            throw new Finding("silent", $"{name}: saving what was loaded from our own save changed {Diff(first, second)}");
    }

    static string Diff(byte[] a, byte[] b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return $"the bytes from offset {i} (lengths {a.Length} and {b.Length})";
    }

    static byte[] Mutate(byte[] original, Random rng)
    {
        var b = new List<byte>(original);
        int edits = 1 + rng.Next(4);
        for (int k = 0; k < edits; k++)
        {
            int at = b.Count == 0 ? 0 : rng.Next(b.Count);
            switch (rng.Next(7))
            {
                case 0 when b.Count > 0: b[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1 when b.Count > 0: b[at] = (byte)(rng.Next(2) == 0 ? rng.Next(256) : new byte[] { 0, 0xFF, 0x7F, 0x80 }[rng.Next(4)]); break;
                case 2 when b.Count >= 4:
                    at = Math.Min(at & ~3, b.Count - 4); // Torch7's fields are 4-byte aligned in binary files
                    var v = BitConverter.GetBytes(EdgeInts[rng.Next(EdgeInts.Length)]);
                    for (int j = 0; j < 4; j++) b[at + j] = v[j];
                    break;
                case 3: b.RemoveRange(at, Math.Min(b.Count - at, rng.Next(16))); break;
                case 4: b.InsertRange(at, Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => (byte)rng.Next(256))); break;
                case 5: b.RemoveRange(at, b.Count - at); break; // cut
                default:
                    var other = corpus.Value[rng.Next(corpus.Value.Count)].Bytes;
                    int from = rng.Next(other.Length);
                    b.InsertRange(at, other.Skip(from).Take(1 + rng.Next(64)));
                    break;
            }
        }
        return b.ToArray();
    }

    static List<(string, byte[], string)> Corpus()
    {
        var files = new List<(string, byte[], string)>();
        var fixtures = Torch.Tests.Fixtures.Root;
        foreach (var f in Directory.EnumerateFiles(fixtures, "*.t7", SearchOption.AllDirectories).Order())
            files.Add((Path.GetRelativePath(fixtures, f), File.ReadAllBytes(f), f.Contains("ascii") ? "ascii" : "binary"));
        foreach (var (name, o) in Objects())
            foreach (var format in new[] { "binary", "ascii" })
                files.Add((name, torch.Serialize(o, format), format));
        files.AddRange(HostileFiles.All().Concat(HostileFiles.ModuleSizes()).Select(h => (h.Name, h.Bytes, "binary")));
        return files;
    }

    /// <summary>Objects of our own, each kind a file can hold.</summary>
    static IEnumerable<(string, object)> Objects()
    {
        torch.ManualSeed(1);
        var self = new Table();
        self["self"] = self;
        self[new LuaValue(new LuaBytes(new byte[] { 0xFF }))] = "\xFF is not \xFE";
        self[new LuaValue(new LuaBytes(new byte[] { 0xFE }))] = new LuaValue(new LuaBytes(new byte[] { 0x41, 0x80, 0xC0, 0x42 }));
        yield return ("cyclic table", self);
        var a = torch.Range(1, 12).View(3, 4);
        yield return ("shared views", new Table(a, a.T(), a.Select(1, 2), torch.IntTensor(new[] { 1, -2 }), torch.ByteTensor(new byte[] { 0, 255 }),
            torch.FloatTensor(new[] { 1.5f, float.NaN }), torch.CharTensor(new sbyte[] { -128, 127 }), torch.ShortTensor(new short[] { -3, 4 })));
        yield return ("long storage", torch.LongStorage(new long[] { long.MaxValue, long.MinValue, 9007199254740993 }));
        var seq = nn.Sequential();
        seq.Add(nn.Linear(5, 4));
        seq.Add(nn.Tanh());
        seq.Add(nn.Linear(4, 2));
        seq.Add(nn.LogSoftMax());
        yield return ("mlp", seq);
        var conv = nn.Sequential();
        conv.Add(nn.SpatialConvolution(3, 4, 3, 3));
        conv.Add(nn.ReLU());
        conv.Add(nn.SpatialMaxPooling(2, 2));
        yield return ("convnet", conv);
        yield return ("index linear", nn.IndexLinear(6, 3));
        yield return ("lookup table", nn.LookupTable(10, 3));
        var ct = nn.ConcatTable();
        ct.Add(nn.Identity());
        ct.Add(nn.Linear(5, 5));
        yield return ("concat table", ct);
    }
}
