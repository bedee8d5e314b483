using System.Text;

namespace Torch.Fuzz;

/// <summary>Hand-made hostile .t7 files: each aims at one way a reader or a module built from a file can go wrong.</summary>
static class HostileFiles
{
    /// <summary>Binary .t7 bytes by hand: 4-byte ints, 8-byte longs, strings as length and bytes.</summary>
    sealed class Bytes
    {
        readonly MemoryStream m = new();
        public Bytes Int(int v) { m.Write(BitConverter.GetBytes(v)); return this; }
        public Bytes Long(long v) { m.Write(BitConverter.GetBytes(v)); return this; }
        public Bytes Double(double v) { m.Write(BitConverter.GetBytes(v)); return this; }
        public Bytes Str(string s) { var b = Encoding.Latin1.GetBytes(s); Int(b.Length); m.Write(b); return this; }
        public Bytes Torch(int index, string className) => Int(4).Int(index).Str("V 1").Str(className);
        public Bytes Table(int index, int entries) => Int(3).Int(index).Int(entries);
        public Bytes Key(string k) => Int(2).Str(k);
        public Bytes Number(double v) => Int(1).Double(v);
        public Bytes Ref(int tag, int index) => Int(tag).Int(index);
        public Bytes DoubleTensor(int index, long[] sizes, long[] strides, long offset, int storageIndex, long storageSize)
        {
            Torch(index, "torch.DoubleTensor").Int(sizes.Length);
            foreach (var s in sizes) Long(s);
            foreach (var s in strides) Long(s);
            Long(offset).Torch(storageIndex, "torch.DoubleStorage").Long(storageSize);
            for (long i = 0; i < storageSize; i++) Double(i + 1);
            return this;
        }
        public byte[] ToArray() => m.ToArray();
    }

    /// <summary>A module of class <paramref name="className"/> whose table of fields holds only <paramref name="numbers"/>.</summary>
    static byte[] Module(string className, params (string Key, double Value)[] numbers)
    {
        var b = new Bytes().Torch(1, className).Table(2, numbers.Length);
        foreach (var (k, v) in numbers) b.Key(k).Number(v);
        return b.ToArray();
    }

    static byte[] Nested(int depth)
    {
        var b = new Bytes();
        for (int i = 0; i < depth; i++) b.Table(i + 1, 1).Number(1);
        return b.Int(0).ToArray();
    }

    /// <summary>Modules whose fields give sizes but no tensors: loading must not allocate what the sizes say. Built from
    /// their fields as Lua's read does, these load as modules without tensors; built with constructors, "lookup table 2e8"
    /// took 3 GiB.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> ModuleSizes()
    {
        yield return ("linear 8192", Module("nn.Linear", ("inputSize", 8192), ("outputSize", 8192)));
        yield return ("linear 2^40", Module("nn.Linear", ("inputSize", 1L << 40), ("outputSize", 2)));
        yield return ("lookup table 2e8", Module("nn.LookupTable", ("nIndex", 2e8), ("nOutput", 2)));
        yield return ("index linear 1e9", Module("nn.IndexLinear", ("inputSize", 1e9), ("outputSize", 3)));
        yield return ("linear NaN", Module("nn.Linear", ("inputSize", double.NaN), ("outputSize", -1)));
    }

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("self table", new Bytes().Table(1, 1).Key("self").Ref(3, 1).ToArray());
        yield return ("nested 1500", Nested(1500));
        yield return ("nested 20000", Nested(20_000));
        yield return ("storage count overflow", new Bytes().Torch(1, "torch.DoubleStorage").Long((1L << 61) + 1).Double(0).ToArray());
        yield return ("negative storage", new Bytes().Torch(1, "torch.FloatStorage").Long(-5).ToArray());
        yield return ("bool tensor", new Bytes().Torch(1, "torch.BoolTensor").Int(1).Long(1).Long(1).Long(1).Int(0).ToArray());
        yield return ("text", Encoding.ASCII.GetBytes("require 'nn'\nprint(torch.Tensor(3))\n"));
        yield return ("offset beyond", new Bytes().DoubleTensor(1, new[] { 0L }, new[] { 1L }, 1L << 40, 2, 1).ToArray());
        yield return ("sizes wrap", new Bytes().DoubleTensor(1, new[] { 1L << 62, 4 }, new[] { 4L, 1 }, 1, 2, 4).ToArray());
        yield return ("stride beyond", new Bytes().DoubleTensor(1, new[] { 3L }, new[] { long.MaxValue / 2 }, 1, 2, 4).ToArray());
        yield return ("negative stride", new Bytes().DoubleTensor(1, new[] { 3L }, new[] { -1L }, 3, 2, 4).ToArray());
        yield return ("65 dims", new Bytes().Torch(1, "torch.DoubleTensor").Int(65).ToArray());
        yield return ("huge table", new Bytes().Table(1, int.MaxValue).ToArray());
        yield return ("huge string", new Bytes().Int(2).Int(int.MaxValue).ToArray());
        yield return ("function", new Bytes().Int(6).Int(1).ToArray());
        yield return ("torch object holding itself", new Bytes().Torch(1, "nn.Sequential").Table(2, 1).Key("modules").Ref(4, 1).ToArray());
        yield return ("tensor over a table", new Bytes().Torch(1, "torch.DoubleTensor").Int(1).Long(1).Long(1).Long(1).Table(2, 0).ToArray());
        yield return ("tensor over a float storage", new Bytes().Torch(1, "torch.DoubleTensor").Int(1).Long(1).Long(1).Long(1)
            .Torch(2, "torch.FloatStorage").Long(1).Int(0).ToArray());
        yield return ("nan key", new Bytes().Table(1, 1).Number(double.NaN).Number(1).ToArray());
        // an IndexLinear whose gradBias and weight disagree with its sizes
        var il = new Bytes().Torch(1, "nn.IndexLinear").Table(2, 4).Key("inputSize").Number(4).Key("outputSize").Number(3)
            .Key("weight").DoubleTensor(3, new[] { 2L, 3 }, new[] { 3L, 1 }, 1, 4, 6)
            .Key("gradBias").DoubleTensor(5, new[] { 1L }, new[] { 1L }, 1, 6, 1);
        yield return ("index linear mismatched", il.ToArray());
    }
}
