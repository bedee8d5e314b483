using System.Text;

namespace Torch.Optim;

/// <summary>
/// Lua's <c>optim.ConfusionMatrix</c>: counts (target, prediction) pairs of a classifier and derives accuracy figures;
/// prints as Torch7 prints it and renders a picture of the row-normalised matrix.
/// </summary>
/// <remarks>Example: <c>var cm = optim.ConfusionMatrix(new[] { "cat", "dog" }); cm.Add(output, 2); Console.WriteLine(cm);</c></remarks>
public sealed class ConfusionMatrix
{
    /// <summary>A matrix for <paramref name="nclasses"/> classes without names (Lua's <c>ConfusionMatrix(n)</c>). Example: <c>new ConfusionMatrix(10)</c></summary>
    /// <param name="nclasses">Number of classes.</param>
    /// <param name="classes">Optional class names (Lua's second argument).</param>
    public ConfusionMatrix(int nclasses, IReadOnlyList<string>? classes = null)
    {
        if (nclasses < 1) throw new ArgumentOutOfRangeException(nameof(nclasses), nclasses, $"ConfusionMatrix: expected at least 1 class, got {nclasses}");
        Nclasses = nclasses;
        Classes = classes?.ToArray() ?? Array.Empty<string>();
        Mat = torch.LongTensor(nclasses, nclasses).Zero();
        Valids = torch.FloatTensor(nclasses).Zero();
        Unionvalids = torch.FloatTensor(nclasses).Zero();
    }

    /// <summary>A matrix with one class per name (Lua's <c>ConfusionMatrix({'cat', 'dog'})</c>). Example: <c>new ConfusionMatrix(new[] { "cat", "dog" })</c></summary>
    /// <param name="classes">The class names.</param>
    public ConfusionMatrix(IReadOnlyList<string> classes) : this(classes.Count, classes) { }

    /// <summary>Counts: row = target class, column = predicted class (Lua's <c>mat</c>, a LongTensor). Example: <c>long n = (long)(double)cm.Mat[1, 2];</c></summary>
    public Tensor Mat { get; set; }
    /// <summary>Per-class accuracy, row-wise (Lua's <c>valids</c>, a FloatTensor). Example: <c>cm.Valids[1]</c></summary>
    public Tensor Valids { get; }
    /// <summary>Per-class intersection over union (Lua's <c>unionvalids</c>, a FloatTensor). Example: <c>cm.Unionvalids[1]</c></summary>
    public Tensor Unionvalids { get; }
    /// <summary>Number of classes (Lua's <c>nclasses</c>). Example: <c>cm.Nclasses</c></summary>
    public int Nclasses { get; }
    /// <summary>Class names, possibly empty (Lua's <c>classes</c>). Example: <c>cm.Classes[0]</c></summary>
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Fraction of all samples classified correctly (Lua's <c>totalValid</c>), after <see cref="UpdateValids"/>. Example: <c>cm.TotalValid</c></summary>
    public double TotalValid { get; private set; }
    /// <summary>Mean of the per-class accuracies that are defined (Lua's <c>averageValid</c>). Example: <c>cm.AverageValid</c></summary>
    public double AverageValid { get; private set; }
    /// <summary>Mean per-class intersection over union, the VOC measure (Lua's <c>averageUnionValid</c>). Example: <c>cm.AverageUnionValid</c></summary>
    public double AverageUnionValid { get; private set; }

    /// <summary>Counts one sample given as class indices (1-based); a target &lt;= 0 is a missing label and is ignored.
    /// Example: <c>cm.Add(prediction: 2, target: 3);</c></summary>
    /// <param name="prediction">Predicted class, 1..Nclasses.</param>
    /// <param name="target">True class, 1..Nclasses (or &lt;= 0 to skip).</param>
    public void Add(double prediction, double target)
    {
        if (target <= 0) return;
        long t = Index(target, "target"), p = Index(prediction, "prediction");
        Mat[t, p] = Mat[t, p] + 1;
    }

    /// <summary>Counts one sample: the predicted class is the index of the largest score. Example: <c>cm.Add(net.Forward(x), 3);</c></summary>
    /// <param name="prediction">A 1-D vector of class scores.</param>
    /// <param name="target">True class, 1..Nclasses (or &lt;= 0 to skip).</param>
    public void Add(Tensor prediction, double target) => Add(ArgMax(Vector(prediction, "prediction")), target);

    /// <summary>Counts one sample given as two score vectors (e.g. a one-hot target). Example: <c>cm.Add(output, oneHot);</c></summary>
    /// <param name="prediction">A 1-D vector of class scores.</param>
    /// <param name="target">A 1-D vector whose largest entry marks the true class.</param>
    public void Add(Tensor prediction, Tensor target) => Add(ArgMax(Vector(prediction, "prediction")), ArgMax(Vector(target, "target")));

    /// <summary>Counts a batch (Lua's <c>batchAdd</c>): predictions and targets are vectors of class indices, or matrices
    /// of scores / one-hot rows (the index of each row's maximum), or n x 1 matrices of indices.
    /// Example: <c>cm.BatchAdd(outputs, targets);</c></summary>
    /// <param name="predictions">Predicted classes or scores.</param>
    /// <param name="targets">True classes or one-hot rows.</param>
    public void BatchAdd(Tensor predictions, Tensor targets)
    {
        var preds = Classes1D(predictions, "predictions");
        var targs = Classes1D(targets, "targets");
        if (preds.Length != targs.Length)
            throw new ArgumentException($"ConfusionMatrix.BatchAdd: {preds.Length} predictions but {targs.Length} targets");
        for (int i = 0; i < preds.Length; i++) Add(preds[i], targs[i]);
    }

    /// <summary>Resets all counts and figures (Lua's <c>zero</c>). Example: <c>cm.Zero();</c></summary>
    public void Zero()
    {
        Mat.Zero();
        Valids.Zero();
        Unionvalids.Zero();
        TotalValid = 0;
        AverageValid = 0;
    }

    /// <summary>Computes Valids, Unionvalids, TotalValid, AverageValid and AverageUnionValid from the counts
    /// (Lua's <c>updateValids</c>; a class without samples has a NaN accuracy, left out of the averages). Example: <c>cm.UpdateValids();</c></summary>
    public void UpdateValids()
    {
        var m = Counts();
        int n = Nclasses;
        double total = 0, all = 0;
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++) all += m[t, p];
        for (int t = 0; t < n; t++)
        {
            double row = 0, col = 0;
            for (int k = 0; k < n; k++) { row += m[t, k]; col += m[k, t]; }
            Valids[t + 1] = m[t, t] / row;
            Unionvalids[t + 1] = m[t, t] / (row + col - m[t, t]);
            total += m[t, t];
        }
        TotalValid = total / all;
        double averageValid = 0, averageUnionValid = 0;
        int nvalids = 0, nunionvalids = 0;
        for (int t = 1; t <= n; t++)
        {
            double v = Valids[t], u = Unionvalids[t];
            if (!double.IsNaN(v)) { averageValid += v; nvalids++; }
            if (!double.IsNaN(v) && !double.IsNaN(u)) { averageUnionValid += u; nunionvalids++; }
        }
        AverageValid = averageValid / nvalids;
        AverageUnionValid = averageUnionValid / nunionvalids;
    }

    /// <summary>False rejection and false acceptance rates per class (Lua's <c>farFrr</c>): per-class tensors (-1 for a class
    /// without samples) and the rates of the classes that have samples. Example: <c>var (classFrrs, classFars, frrs, fars) = cm.FarFrr();</c></summary>
    public (Tensor ClassFrrs, Tensor ClassFars, Tensor Frrs, Tensor Fars) FarFrr()
    {
        var m = Counts();
        int n = Nclasses;
        var count = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) count[i] += m[i, j];
        var classFrrs = torch.Tensor(n).Fill(-1);
        var classFars = torch.Tensor(n).Fill(-1);
        var frrs = new List<double>();
        var fars = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (count[i] == 0) continue;
            double frr = 1 - m[i, i] / count[i], num = 0, den = 0;
            for (int j = 0; j < n; j++)
                if (i != j && count[j] != 0) { num += m[j, i] / count[j]; den++; }
            double far = num / den;
            classFrrs[i + 1] = frr;
            classFars[i + 1] = far;
            frrs.Add(frr);
            fars.Add(far);
        }
        return (classFrrs, classFars, Vector(frrs), Vector(fars));
    }

    static Tensor Vector(List<double> v) => v.Count == 0 ? torch.Tensor() : torch.Tensor(v.ToArray());

    /// <summary>The matrix as Torch7 prints it (Lua's <c>__tostring__</c>; updates the figures first), byte for byte.
    /// Example: <c>Console.WriteLine(cm);</c></summary>
    public override string ToString()
    {
        UpdateValids();
        var m = Counts();
        var sb = new StringBuilder("ConfusionMatrix:\n[");
        double maxCnt = m.Cast<double>().Max();
        int nDigits = (int)Math.Max(8, 1 + Math.Ceiling(Math.Log10(maxCnt)));
        for (int t = 0; t < Nclasses; t++)
        {
            string pclass = LuaFormat.Fixed(Valids[t + 1] * 100, 3);
            sb.Append(t == 0 ? "[" : " [");
            for (int p = 0; p < Nclasses; p++) sb.Append(((long)m[t, p]).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(nDigits));
            sb.Append(t == Nclasses - 1 ? "]]  " : "]   ").Append(pclass).Append("% ");
            sb.Append(Classes.Count > 0 ? $"\t[class: {(t < Classes.Count ? Classes[t] : "")}]\n" : "\n");
        }
        sb.Append(" + average row correct: ").Append(LuaFormat.Number(AverageValid * 100)).Append("% \n");
        sb.Append(" + average rowUcol correct (VOC measure): ").Append(LuaFormat.Number(AverageUnionValid * 100)).Append("% \n");
        sb.Append(" + global correct: ").Append(LuaFormat.Number(TotalValid * 100)).Append('%');
        return sb.ToString();
    }

    /// <summary>The picture Lua's <c>render</c> starts from: an (n block) x (n block) DoubleTensor of the row-normalised matrix,
    /// rows and columns sorted by "score" (per-class accuracy) or "occurrence" (label frequency), descending, with grid
    /// lines of 0.1. Example: <c>Tensor img = cm.Render();</c></summary>
    /// <param name="sortmode">"score" or "occurrence".</param>
    /// <param name="block">Pixels per cell (default 25).</param>
    public Tensor Render(string sortmode = "score", int block = 25) => new ConfusionMatrixImage(this, sortmode, block, 0).Matrix();

    /// <summary>Writes the rendered matrix with Lua's legend (label frequencies and class names, legendwidth pixels wide)
    /// and each cell's percentage, as a PNG or SVG by the file's extension; the picture is (n block + legendwidth) x (n block).
    /// Example: <c>cm.SaveImage("confusion.png");</c></summary>
    /// <param name="path">A .png or .svg file.</param>
    /// <param name="sortmode">"score" or "occurrence".</param>
    /// <param name="block">Pixels per cell (default 25).</param>
    /// <param name="legendwidth">Width of the legend (default 200).</param>
    public void SaveImage(string path, string sortmode = "score", int block = 25, int legendwidth = 200) =>
        new ConfusionMatrixImage(this, sortmode, block, legendwidth).Save(path);

    /// <summary>The counts as doubles, [target, prediction] 0-based.</summary>
    internal double[,] Counts()
    {
        if (!Mat.IsSize(Nclasses, Nclasses))
            throw new InvalidOperationException($"ConfusionMatrix: Mat must be {Nclasses}x{Nclasses}, got {Mat.SizeString()}");
        var flat = Mat.ToArray();
        var m = new double[Nclasses, Nclasses];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }

    long Index(double v, string what)
    {
        if (v != Math.Floor(v) || v < 1 || v > Nclasses)
            throw new ArgumentOutOfRangeException(what, v, $"ConfusionMatrix.Add: {what} must be a class index in 1..{Nclasses}, got {v}");
        return (long)v;
    }

    static Tensor Vector(Tensor t, string what) => t.Dim() == 1 ? t
        : throw new ArgumentException($"ConfusionMatrix.Add: expected {what} to be a 1-D vector of class scores, got {t.SizeString()}");

    /// <summary>1-based index of the first largest element, as Torch7's max returns it.</summary>
    static long ArgMax(Tensor v)
    {
        var a = v.ToArray();
        if (a.Length == 0) throw new ArgumentException("ConfusionMatrix.Add: expected a non-empty vector of class scores");
        int best = 0;
        for (int i = 1; i < a.Length; i++) if (a[i] > a[best]) best = i;
        return best + 1;
    }

    /// <summary>A batch as class indices: a vector, an n x 1 matrix, or the row-wise arg-max of an n x k matrix.</summary>
    static double[] Classes1D(Tensor t, string what)
    {
        if (t.Dim() == 1) return t.ToArray();
        if (t.Dim() != 2) throw new ArgumentException($"ConfusionMatrix.BatchAdd: {what} has invalid number of dimensions ({t.Dim()}); expected 1 or 2");
        if (t.Size(2) == 1) return t.ToArray();
        return Enumerable.Range(1, (int)t.Size(1)).Select(i => (double)ArgMax(t.Select(1, i))).ToArray();
    }
}
