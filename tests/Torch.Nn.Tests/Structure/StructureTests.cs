using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Torch.Nn.Internal;

namespace Torch.Nn.Tests;

/// <summary>
/// The declared structure of every nn class (docs/architecture.md): no class has an undeclared field; clone shares nothing
/// unasked; Type converts every tensor; save → load computes the same; and .t7 files agree with Torch7's (tools/torch7/
/// module_fields.lua wrote Fixtures/structure from the real Torch7: field names, and each module saved with what it computed).
/// </summary>
public class StructureTests
{
    static readonly Type[] Classes = typeof(Module).Assembly.GetTypes()
        .Where(t => typeof(Module).IsAssignableFrom(t) || typeof(Criterion).IsAssignableFrom(t) || typeof(IDeclared).IsAssignableFrom(t))
        .Where(t => !t.IsInterface).OrderBy(t => t.Name).ToArray();

    // ---------------------------------------------------------------- every field declared

#pragma warning disable CS0649 // only its address is used
    sealed class RawData { public byte Data; }
#pragma warning restore CS0649

    /// <summary>Records the byte offset, inside the object, of every member a declaration hands over by reference.</summary>
    sealed class Offsets : Members
    {
        readonly object o;
        internal readonly HashSet<nint> Seen = new();
        internal Offsets(object o) => this.o = o;
        void Add<T>(ref T v) => Seen.Add(Unsafe.ByteOffset(ref Unsafe.As<RawData>(o).Data, ref Unsafe.As<T, byte>(ref v)));
        public override void Field<T>(string luaName, ref T value) => Add(ref value);
        public override void Buffer<T>(string luaName, ref T value) => Add(ref value);
        public override void State<T>(ref T value) => Add(ref value);
        public override void Cache<T>(ref T value) => Add(ref value);
        public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
        {
            Add(ref param);
            Add(ref grad);
        }
    }

    static nint OffsetOf<T>(object o, FieldInfo f)
    {
        var tr = TypedReference.MakeTypedReference(o, new[] { f });
        ref T r = ref __refvalue(tr, T);
        return Unsafe.ByteOffset(ref Unsafe.As<RawData>(o).Data, ref Unsafe.As<T, byte>(ref r));
    }

    static readonly MethodInfo OffsetOfMethod = typeof(StructureTests).GetMethod(nameof(OffsetOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    // nngraph's nodes are declared through the graph's own hook (graph helper's area)
    static readonly Dictionary<string, string> GraphOwned = new() { ["GModule"] = "inputs outputs order nodeInput nodeOutput nodeGradOutput gradSum" };

    [Fact]
    public void Every_instance_field_of_every_nn_class_is_declared()
    {
        var undeclared = new List<string>();
        int checkedClasses = 0;
        foreach (var t in Classes.Where(c => !c.IsAbstract))
        {
            var o = RuntimeHelpers.GetUninitializedObject(t);
            var seen = new Offsets(o);
            switch (o)
            {
                case Module m: m.Declare(seen); break;
                case Criterion c: c.Declare(seen); break;
                case IDeclared d: d.Declare(seen); break;
            }
            for (var c = t; c != typeof(object); c = c.BaseType!)
                foreach (var f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var offset = (nint)OffsetOfMethod.MakeGenericMethod(f.FieldType).Invoke(null, new[] { o, f })!;
                    if (seen.Seen.Contains(offset)) continue;
                    if (GraphOwned.TryGetValue(c.Name, out var owned) && owned.Split(' ').Contains(f.Name)) continue;
                    undeclared.Add($"{c.Name}.{f.Name}");
                }
            checkedClasses++;
        }
        undeclared.Should().BeEmpty("every field must be declared in its class's Declare");
        checkedClasses.Should().BeGreaterThan(180);
    }

    [Fact]
    public void A_user_module_with_undeclared_fields_cannot_be_cloned_or_saved()
    {
        var m = new Undeclared();
        FluentActions.Invoking(() => m.Clone()).Should().Throw<InvalidOperationException>().WithMessage("*Undeclared*Declare*");
        FluentActions.Invoking(() => torch.Serialize(m)).Should().Throw<Exception>().WithMessage("*Undeclared*Declare*");
    }

    sealed class Undeclared : Module
    {
        public Tensor Extra = torch.Tensor(2);
    }

    // ---------------------------------------------------------------- the catalogue, built here as Torch7 builds it

    static string Dir
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                foreach (var c in new[] { Path.Combine(d.FullName, "Fixtures", "structure"), Path.Combine(d.FullName, "tests", "Torch.Nn.Tests", "Fixtures", "structure") })
                    if (File.Exists(Path.Combine(c, "fields.txt"))) return c;
            throw new DirectoryNotFoundException("Fixtures/structure (written by tools/torch7/module_fields.lua)");
        }
    }

    /// <summary>Each line of fields.txt: key, Lua class, then field:kind pairs.</summary>
    static readonly Lazy<Dictionary<string, (string Class, Dictionary<string, string> Fields)>> Torch7Fields = new(() =>
        File.ReadLines(Path.Combine(Dir, "fields.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (p[1], p.Skip(2).Select(f => f.Split(':')).ToDictionary(f => f[0], f => f[1]))));

    public static IEnumerable<object[]> Keys() =>
        File.ReadLines(Path.Combine(Dir, "fields.txt")).Where(l => !l.StartsWith('#')).Select(l => new object[] { l.Split(' ')[0] });

    /// <summary>The keys whose class follows Torch7's layout (all but <see cref="OtherLayout"/>).</summary>
    public static IEnumerable<object[]> SameLayoutKeys() => Keys().Where(k => !OtherLayout.ContainsKey((string)k[0]));

    /// <summary>The Torch7 record of a key: module, input, output, gradOutput/target, gradInput.</summary>
    static Table Record(string key) => torch.Load<Table>(Path.Combine(Dir, key + ".t7"));

    /// <summary>A fresh module or criterion of the same class and configuration as Torch7's (the constructor expression of
    /// tools/torch7/modules.lua, run here through the nn factory).</summary>
    static object Build(string key)
    {
        if (Written.TryGetValue(key, out var build)) return build();
        var line = File.ReadLines(Path.Combine(Dir, "..", "..", "..", "..", "tools", "torch7", "modules.lua"))
            .FirstOrDefault(l => l.TrimStart().StartsWith("{'" + key + "',", StringComparison.Ordinal));
        return Catalogue.Build(line?.Split('\'')[3] ?? throw new FileNotFoundException($"tools/torch7/modules.lua has no entry {key}"));
    }

    /// <summary>The entries whose Lua constructor is a function body (a module used twice, a graph), written here line for line.</summary>
    static readonly Dictionary<string, Func<object>> Written = new()
    {
        ["SpatialMaxUnpooling"] = () =>
        {
            var p = nn.SpatialMaxPooling(2, 2);
            return nn.Sequential().Add(p).Add(nn.SpatialMaxUnpooling(p));
        },
        ["VolumetricMaxUnpooling"] = () =>
        {
            var p = nn.VolumetricMaxPooling(2, 2, 2);
            return nn.Sequential().Add(p).Add(nn.VolumetricMaxUnpooling(p));
        },
        ["gModule"] = () =>
        {
            var x = nn.Identity().Call();
            var h = nn.Linear(4, 3).Call(x);
            return nn.GModule(new[] { x }, new[] { nn.Tanh().Call(h) });
        },
    };

    /// <summary>The table of fields a .t7 file holds for <paramref name="m"/> (a gModule's is written in nngraph's layout).</summary>
    static Table Fields(object m) => m is GModule g ? GModuleFile.Write(g) : Writing.Write(m);

    static LuaValue Forward(object m, Table r) => m is Criterion c
        ? new LuaValue(c.Forward(r["input"], r["target"]))
        : ((Module)m).Forward(r["input"]);

    static LuaValue Backward(object m, Table r) => m is Criterion c
        ? c.Backward(r["input"], r["target"])
        : ((Module)m).Backward(r["input"], r["gradOutput"]);

    static void Same(LuaValue a, LuaValue b, double tol, string what)
    {
        switch (a.Object)
        {
            case double d: d.Should().BeApproximately((double)b, tol, what); break;
            case Tensor t:
                var u = b.AsTensor;
                t.Size().Should().Equal(u.Size(), what);
                Check.Close(t.Double(), u.Double().ToArray(), tol);
                break;
            case Table ta:
                var tb = b.AsTable;
                ta.Length.Should().Be(tb.Length, what);
                for (int i = 1; i <= ta.Length; i++) Same(ta[i], tb[i], tol, what + "[" + i + "]");
                break;
            default: throw new InvalidOperationException($"{what}: unexpected {a.Describe()}");
        }
    }

    // ---------------------------------------------------------------- Torch7's files load here and compute Torch7's numbers

    /// <summary>Field names written here that Torch7 does not write, each with the reason.</summary>
    static readonly Dictionary<string, string[]> ExtraNames = new()
    {
        ["LookupTable"] = new[] { "normType" },         // kept at its default 2 here; Lua leaves it nil until setNormType
        ["ReLU6"] = new[] { "min_val", "max_val" },      // a HardTanh(0, 6) here; Lua's ReLU6 stores no bounds (they are constants)
        ["L1Cost"] = new[] { "sizeAverage" },           // every criterion here has SizeAverage; these two Lua criterions have none
        ["L1HingeEmbeddingCriterion"] = new[] { "sizeAverage" },
        ["ModuleCriterion"] = new[] { "sizeAverage" },
        ["MultiCriterion"] = new[] { "sizeAverage" },
        ["ParallelCriterion"] = new[] { "sizeAverage" },
        ["JustElement"] = new[] { "_type" },              // nngraph's constructors skip nn.Module's, which sets _type
        ["JustTable"] = new[] { "_type" },
        ["ModuleFromCriterion"] = new[] { "_type" },
        ["PartialLinear"] = new[] { "weight", "gradWeight" }, // Lua's live only in its network's LookupTable; written here as well
    };

    /// <summary>Classes whose Torch7 layout this library does not follow (not converted), with the reason.</summary>
    static readonly Dictionary<string, string> OtherLayout = new()
    {
        ["SpatialContrastiveNormalization"] = "Lua keeps a normalizer Sequential of the two normalisations; here it is that Sequential",
    };

    /// <summary>Outputs that differ from Torch7's beyond 1e-12 because the computation (not the file) differs: the
    /// tolerance that holds, and why; random modules draw from another generator.</summary>
    static readonly Dictionary<string, double> Tolerance = new()
    {
        ["Euclidean"] = 1e-6, ["WeightedEuclidean"] = 1e-6, ["PairwiseDistance"] = 1e-6, // libtorch's norm, not TH's sum of squares
        ["Cosine"] = 1e-11, ["MultiLabelSoftMarginCriterion"] = 1e-11,
    };

    /// <summary>Modules whose noise came from Torch7's own generator: what each output may be, given its input (x) and output (y)
    /// element.</summary>
    static readonly Dictionary<string, Func<double, double, bool>> Random = new()
    {
        ["Dropout"] = Dropped,
        ["SpatialDropout"] = Masked, ["VolumetricDropout"] = Masked,
        ["RReLU"] = (x, y) => x >= 0 ? y == x : y / x >= 1.0 / 8 - 1e-12 && y / x <= 1.0 / 3 + 1e-12, // a slope in [lower, upper]
        ["WhiteNoise"] = (x, y) => Math.Abs(y - x) < 0.6,   // N(0, 0.1) noise: within six standard deviations
    };

    // dropped (0) or kept and scaled by 1/(1-p) = 2, as Torch7's file says p = 0.5
    static bool Dropped(double x, double y) => y == 0 || y == 2 * x;

    // Lua's version 1 dropout of whole maps: dropped or kept, unscaled while training
    static bool Masked(double x, double y) => y == 0 || y == x;

    [Theory]
    [MemberData(nameof(SameLayoutKeys))]
    public void Torch7s_saved_module_loads_with_its_fields_and_gives_Torch7s_outputs(string key)
    {
        var r = Record(key);
        var m = r["module"].Object!;
        var (luaClass, fields) = Torch7Fields.Value[key];
        (m is Module mm ? mm.TypeName : ((Criterion)m).TypeName).Should().Be(luaClass);
        var written = torch.Serialize(m);
        var names = Fields(m);
        fields.Keys.Where(k => names[k].IsNil).Should().BeEmpty("a loaded module writes back every field Torch7's file had");
        names.Keyed.Select(k => (string)k.Key).Where(k => !fields.ContainsKey(k) && names[k].Object is not false)
            .Except(ExtraNames.GetValueOrDefault(key) ?? Array.Empty<string>())
            .Should().BeEmpty("and no other (Lua's false and nil read alike)");
        torch.Deserialize(written).Should().BeOfType(m.GetType());
        if (m is Module mod) mod.ZeroGradParameters();
        double tol = Tolerance.GetValueOrDefault(key, 1e-12);
        if (Random.TryGetValue(key, out var possible))
        {
            var x = r["input"].AsTensor.Contiguous().ToArray();
            var y = Forward(m, r).AsTensor.Contiguous().ToArray();
            y.Should().HaveCount(x.Length);
            y.Select((v, i) => possible(x[i], v)).Should().OnlyContain(ok => ok, $"{key}'s outputs come from its input and noise as Torch7's file says");
            if (possible == Dropped) Writing.Write(m)["p"].Should().Be(new LuaValue(0.5), "the scale 2 is 1/(1-p)");
            return;
        }
        Same(Forward(m, r), r["output"], tol, key + " output");
        Same(Backward(m, r), r["gradInput"], tol, key + " gradInput");
        if (m is Module p && r["gradParameters"].Object is Table gp)
        {
            var (_, grads) = p.Parameters();
            grads.Count.Should().Be(gp.Length, key + " parameter count");
            for (int i = 0; i < grads.Count; i++)
                if (gp[i + 1].Object is not Table) // IndexLinear's Lua lists its table of pending sparse updates as the weight's gradient
                    Same(grads[i], gp[i + 1], tol, key + " gradParameter " + (i + 1));
        }
    }

    [Theory]
    [MemberData(nameof(SameLayoutKeys))]
    public void Our_module_writes_only_Torch7s_field_names(string key)
    {
        var r = Record(key);
        var m = Build(key);
        var (luaClass, fields) = Torch7Fields.Value[key];
        if (m is Module mod) { mod.Training(); mod.Forward(r["input"]); mod.Backward(r["input"], r["gradOutput"]); }
        else { Forward(m, r); Backward(m, r); }
        var table = Fields(m);
        var extra = table.Keyed.Where(kv => !fields.ContainsKey((string)kv.Key) && !(kv.Value.Object is false))
            .Select(kv => (string)kv.Key).Except(ExtraNames.GetValueOrDefault(key) ?? Array.Empty<string>()).ToList();
        extra.Should().BeEmpty($"{luaClass} written here should carry only Torch7's field names (Lua's false and nil read alike)");
    }

    /// <summary>Each line of fresh.txt (tools/torch7/module_fresh.lua): key, Lua class, the class version Torch7 writes, and the
    /// fields Torch7's constructor makes.</summary>
    static readonly Lazy<Dictionary<string, (int Version, string[] Fields)>> Torch7Fresh = new(() =>
        File.ReadLines(Path.Combine(Dir, "fresh.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (int.Parse(p[2], CultureInfo.InvariantCulture), p.Skip(3).ToArray())));

    /// <summary>Fields Torch7's constructor makes that a module written here leaves out, each with the reason.</summary>
    static readonly Dictionary<string, string[]> MissingNames = new()
    {
        ["Euclidean"] = new[] { "fastBackward" }, // nil only makes Torch7's backward run the forward again (the same values)
        // Lua's own modules that its constructor wires up (a mean estimator, a divider...); here one estimator computes the same,
        // so a file written here loads here and in Torch7 holds the kernel, but Torch7 cannot run it
        ["SpatialSubtractiveNormalization"] = new[] { "coef", "divider", "meanestimator", "subtractor" },
        ["SpatialDivisiveNormalization"] = new[] { "coef", "divider", "meanestimator", "normalizer", "stdestimator", "thresholder" },
    };

    [Theory]
    [MemberData(nameof(SameLayoutKeys))]
    public void Our_new_module_writes_the_fields_and_version_Torch7s_constructor_makes(string key)
    {
        // Torch7's code reads what its constructor made (Add's _ones, ClassNLLCriterion's output_tensor, TanhShrink's tanh), and
        // its read upgrades a file older than the class (a GradientReversal of version 1 gets lambda = 1): without both, a file
        // written here failed or computed otherwise in Torch7
        var (version, fields) = Torch7Fresh.Value[key];
        var m = Build(key);
        var table = Fields(m);
        fields.Where(f => table[f].IsNil).Except(MissingNames.GetValueOrDefault(key) ?? Array.Empty<string>()).Should().BeEmpty($"{key} written here should carry every field Torch7's constructor makes");
        var bytes = torch.Serialize(m);
        int length = BitConverter.ToInt32(bytes, 8); // tag, index, then the version string: length and bytes
        System.Text.Encoding.ASCII.GetString(bytes, 12, length).Should().Be("V " + version, $"Torch7 writes {key} as version {version}");
    }

    // ---------------------------------------------------------------- clone, type, save and load of every catalogued class

    [Fact]
    public void Every_nn_class_is_in_the_walk()
    {
        var reached = new HashSet<Type>();
        foreach (var key in Keys().Select(k => (string)k[0]))
        {
            var c = new Collect();
            c.Visit(Build(key));
            reached.UnionWith(c.Classes);
        }
        var classes = Classes.Where(t => t.IsPublic && !t.IsAbstract && t != typeof(Module)
            && (typeof(Module).IsAssignableFrom(t) || typeof(Criterion).IsAssignableFrom(t))).ToList();
        classes.Should().HaveCountGreaterThan(180);
        classes.Where(t => !reached.Contains(t)).Select(t => t.Name).Should().BeEmpty(
            "every nn class is walked: give it an entry in tools/torch7/modules.lua and write its Torch7 fixture with tools/torch7/module_fields.lua");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Clone_shares_no_storage_and_computes_the_same(string key)
    {
        var (r, m) = Ran(key);
        var copy = m is Module mo ? (object)mo.Clone() : ((Criterion)m).Clone();
        var mine = Storages(m);
        Storages(copy).Intersect(mine).Should().BeEmpty($"a clone of {key} owns its tensors");
        Compare(m, copy, r, key);
        if (m is Module shared && shared.Weight is not null)
        {
            var s = shared.Clone("weight");
            StorageCopies.StorageKey(s.Weight).Should().Be(StorageCopies.StorageKey(shared.Weight), "a named field is shared");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Type_Float_converts_every_tensor(string key)
    {
        var (r, m) = Ran(key);
        var kept = m is DontCast d ? Tensors(d.Module) : new List<Tensor>(); // Lua's DontCast: its module keeps its type
        if (m is Module mo) mo.Type("torch.FloatTensor"); else ((Criterion)m).Type("torch.FloatTensor");
        var types = Tensors(m).Except<Tensor>(kept, ReferenceEqualityComparer.Instance).Select(t => t.Type()).Distinct().ToList();
        // Lua's MaskedSelect:type() keeps its index buffers LongTensors and its mask gradient a ByteTensor
        var luaKeeps = m is MaskedSelect ? new[] { "torch.LongTensor", "torch.ByteTensor" } : Array.Empty<string>();
        types.Except(luaKeeps).Should().OnlyContain(t => t == "torch.FloatTensor", $"every tensor of {key} is converted");
        kept.Where(t => t.Type() != "torch.DoubleTensor").Should().BeEmpty($"the module {key} decorates keeps its type");
        if (m is DontCast) kept.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Save_and_load_compute_the_same(string key)
    {
        var (r, m) = Ran(key);
        var back = torch.Deserialize(torch.Serialize(m))!;
        back.GetType().Should().Be(m.GetType());
        Compare(m, back, r, key);
        // for the manual check in Torch7 (tools/torch7/check_ours.lua): our module with what it computed
        if (Environment.GetEnvironmentVariable("TORCH_NET_STRUCTURE_EXPORT") is { Length: > 0 } dir)
        {
            var record = new Table { ["module"] = new LuaValue(back), ["input"] = r["input"] };
            if (r["target"].IsNil) record["gradOutput"] = r["gradOutput"]; else record["target"] = r["target"];
            torch.ManualSeed(1); // check_ours.lua seeds Torch7 the same way: random modules draw the same noise
            record["output"] = Copy(Forward(back, r));
            record["gradInput"] = Copy(Backward(back, r));
            torch.Save(Path.Combine(dir, key + ".t7"), record);
        }
    }

    /// <summary>The Torch7 record of a key and a module built here that ran one forward and backward on its input.</summary>
    static (Table R, object M) Ran(string key)
    {
        var (r, m) = (Record(key), Build(key));
        Run(m, r);
        return (r, m);
    }

    static void Run(object m, Table r)
    {
        Forward(m, r);
        Backward(m, r);
    }

    /// <summary>Forward and backward of both give the same values (the module is deterministic in evaluation, or its noise is
    /// reseeded the same way before each).</summary>
    static void Compare(object a, object b, Table r, string key)
    {
        torch.ManualSeed(3);
        var ya = Copy(Forward(a, r));
        var ga = Copy(Backward(a, r));
        torch.ManualSeed(3);
        var yb = Forward(b, r);
        var gb = Backward(b, r);
        Same(yb, ya, 0, key + " output");
        Same(gb, ga, 0, key + " gradInput");
    }

    static LuaValue Copy(LuaValue v) => v.Object switch
    {
        Tensor t => t.Clone(),
        Table t => new Table(t.IPairs().Select(Copy).ToArray()),
        _ => v,
    };

    /// <summary>Every tensor reachable through the declarations (modules, tables, lists).</summary>
    static List<Tensor> Tensors(object root)
    {
        var c = new Collect();
        c.Visit(root);
        return c.Found;
    }

    static HashSet<IntPtr> Storages(object root) =>
        Tensors(root).Select(t => t.NElement() == 0 ? IntPtr.Zero : StorageCopies.StorageKey(t)).Where(p => p != IntPtr.Zero).ToHashSet();

    sealed class Collect : Members
    {
        internal readonly List<Tensor> Found = new();
        internal readonly HashSet<Type> Classes = new();
        readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);

        internal void Visit(object? v)
        {
            switch (v)
            {
                case null: return;
                case LuaValue lv: Visit(lv.Object); return;
                case Tensor t: if (seen.Add(t)) Found.Add(t); return;
                case string: return;
                case Table tb: if (seen.Add(tb)) foreach (var (_, x) in tb) Visit(x.Object); return;
                case Module m: if (seen.Add(m)) { Classes.Add(m.GetType()); m.Declare(this); Visit(m.LuaRest); } return;
                case Criterion c: if (seen.Add(c)) { Classes.Add(c.GetType()); c.Declare(this); Visit(c.LuaRest); } return;
                case IDeclared d: if (seen.Add(d)) d.Declare(this); return;
                case System.Collections.IEnumerable e: foreach (var x in e) Visit(x); return;
            }
        }

        public override void Field<T>(string luaName, ref T value) => Visit(value);
        public override void Buffer<T>(string luaName, ref T value) => Visit(value);
        public override void State<T>(ref T value) => Visit(value);
        public override void Cache<T>(ref T value) { }
        public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
        {
            Visit(param);
            Visit(grad);
        }
    }
}

/// <summary>Loading sets fields as Lua's read does: no constructor runs with sizes from the file, and nil stays nil.</summary>
public class StructureLoadingTests
{
    sealed class SizesOnly
    {
    }

    [Fact]
    public void A_file_naming_huge_sizes_allocates_nothing()
    {
        TorchClasses.AddWriter(typeof(SizesOnly), _ => "nn.Linear", _ => new Table { ["inputSize"] = 8192, ["outputSize"] = 8192 });
        var bytes = torch.Serialize(new SizesOnly());
        bytes.Length.Should().BeLessThan(200);
        var lin = (Linear)torch.Deserialize(bytes)!;
        lin.Weight.Should().BeNull("the file holds no weight, and no constructor made one from its sizes");
        lin.Bias.Should().BeNull();
        lin.LuaRest!["inputSize"].Should().Be(new LuaValue(8192.0), "fields the class does not model are kept as read");
        var back = (Linear)torch.Deserialize(torch.Serialize(lin))!;
        back.LuaRest!["outputSize"].Should().Be(new LuaValue(8192.0), "and written back");
    }

    [Fact]
    public void Torch7s_modules_saved_after_noBias_load_without_a_bias_and_compute_Torch7s_output()
    {
        foreach (var key in new[] { "LinearNoBias", "SpatialConvolutionNoBias" })
        {
            var r = torch.Load<Table>(Path.Combine(Dir(), key + ".t7"));
            var m = (Module)r["module"].Object!;
            m.Bias.Should().BeNull(key);
            m.GradBias.Should().BeNull(key);
            m.Parameters().Params.Should().HaveCount(1, key);
            Check.Close(m.Forward(r["input"]).AsTensor, r["output"].AsTensor.ToArray(), 1e-12);
            var again = (Module)torch.Deserialize(torch.Serialize(m))!;
            again.Bias.Should().BeNull(key + " saved here again");
        }
    }

    [Fact]
    public void NoBias_is_reachable_on_Module_where_Lua_has_it()
    {
        Module[] withBias = { nn.Linear(3, 2), nn.SpatialConvolution(1, 2, 3, 3), nn.SpatialFullConvolution(1, 2, 3, 3), nn.VolumetricConvolution(1, 2, 2, 2, 2) };
        foreach (var m in withBias)
        {
            m.NoBias().Should().BeSameAs(m);
            m.Bias.Should().BeNull(m.TypeName);
            m.Parameters().Params.Should().HaveCount(1, m.TypeName);
        }
        FluentActions.Invoking(() => nn.Tanh().NoBias()).Should().Throw<NotSupportedException>().WithMessage("*nn.Tanh*noBias*");
    }

    static string Dir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var c = Path.Combine(d.FullName, "tests", "Torch.Nn.Tests", "Fixtures", "structure");
            if (Directory.Exists(c)) return c;
        }
        throw new DirectoryNotFoundException("tests/Torch.Nn.Tests/Fixtures/structure");
    }
}

/// <summary>Files written by older versions of a class load as Torch7's read upgrades them (tools/torch7/old_versions.lua wrote
/// Fixtures/upgrades with the real Torch7: each old module with what Torch7 computes after loading it).</summary>
public class OldVersionTests
{
    static Table Record(string name) => Record("upgrades", name, "old_versions.lua");

    /// <summary>tests/Torch.Nn.Tests/Fixtures/<paramref name="folder"/>/<paramref name="name"/>.t7, written by tools/torch7/<paramref name="script"/>.</summary>
    internal static Table Record(string folder, string name, string script)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "tests", "Torch.Nn.Tests", "Fixtures", folder, name + ".t7");
            if (File.Exists(f)) return torch.Load<Table>(f);
        }
        throw new FileNotFoundException($"tests/Torch.Nn.Tests/Fixtures/{folder}/{name}.t7 (written by tools/torch7/{script})");
    }

    /// <summary>The old module loads, computes Torch7's numbers in evaluation (forward and backward), and saved again it carries
    /// the upgraded fields under the current version.</summary>
    static Module Upgraded(string name)
    {
        var r = Record(name);
        var m = (Module)r["module"].Object!;
        m.Evaluate();
        Check.Close(m.Forward(r["input"]).AsTensor, r["output"].AsTensor.Contiguous().ToArray(), 1e-12);
        Check.Close(m.Backward(r["input"], r["gradOutput"]).AsTensor, r["gradInput"].AsTensor.Contiguous().ToArray(), 1e-12);
        var again = (Module)torch.Deserialize(torch.Serialize(m))!;
        Check.Close(again.Forward(r["input"]).AsTensor, r["output"].AsTensor.Contiguous().ToArray(), 1e-12);
        return m;
    }

    [Theory]
    [InlineData("BatchNormalization-v1")]
    [InlineData("SpatialBatchNormalization-v1")]
    public void A_BatchNormalization_of_version_1_gets_running_var_from_running_std(string name)
    {
        var bn = (BatchNormalization)Upgraded(name);
        bn.RunningVar.Should().NotBeNull();
        Writing.Write(bn)["running_std"].IsNil.Should().BeTrue("running_std became running_var, as Torch7's read does");
    }

    [Fact]
    public void A_GradientReversal_of_version_1_reverses_with_lambda_1()
    {
        var gr = (GradientReversal)Upgraded("GradientReversal-v1");
        gr.Lambda.Should().Be(1);
    }

    [Fact]
    public void A_VolumetricMaxPooling_of_version_1_rounds_down()
    {
        var p = (VolumetricMaxPooling)Upgraded("VolumetricMaxPooling-v1");
        p.CeilMode.Should().BeFalse("the file said ceil_mode = true, which version 1 did not have");
        ((Tensor)p.Output).Size().Should().Equal(2, 2, 2, 2);
    }

    [Fact]
    public void A_SpatialConvolution_with_one_padding_and_a_2D_weight_loads_as_Torch7_runs_it()
    {
        var conv = (SpatialConvolution)Upgraded("SpatialConvolution-padding");
        (conv.PadW, conv.PadH).Should().Be((1, 1));
        conv.Weight.Size().Should().Equal(3, 2, 3, 3);
        Writing.Write(conv)["padding"].IsNil.Should().BeTrue();
    }
}

/// <summary>A module Torch7 saved before any training()/evaluate() may leave train nil; it loads in the mode Torch7's code runs
/// it in (tools/torch7/fresh_train.lua wrote Fixtures/fresh with the real Torch7): nil is training where Lua tests
/// <c>train ~= false</c> (WhiteNoise, WeightNorm, LinearWeightNorm), evaluation where it tests <c>if self.train</c>.</summary>
public class FreshFileTrainTests
{
    [Theory]
    [InlineData("WhiteNoise", true)]
    [InlineData("WeightNorm", true)]
    [InlineData("LinearWeightNorm", true)]
    [InlineData("Linear", false)]
    [InlineData("Dropout", true)] // Lua's constructor sets train = true
    public void A_fresh_Torch7_file_loads_in_the_mode_Torch7_runs_it(string name, bool training)
    {
        var r = OldVersionTests.Record("fresh", name, "fresh_train.lua");
        ((bool)r["trainNil"].Object!).Should().Be(name != "Dropout", "Torch7's file leaves train nil unless the constructor sets it");
        ((Module)r["module"].Object!).Train.Should().Be(training);
    }

    [Fact]
    public void A_fresh_WhiteNoise_from_Torch7_adds_noise_as_Torch7_does()
    {
        var r = OldVersionTests.Record("fresh", "WhiteNoise", "fresh_train.lua");
        ((bool)r["changed"].Object!).Should().BeTrue("Torch7's loaded copy added noise");
        var x = r["input"].AsTensor;
        ((Module)r["module"].Object!).Forward(x).AsTensor.Equal(x).Should().BeFalse();
    }
}
