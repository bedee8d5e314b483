namespace Torch;

/// <summary>
/// The result of <c>a[i, j, ...]</c>: a number when every dimension is indexed, a view otherwise.
/// It reads as a <see cref="double"/> or as a <see cref="Tensor"/>, and a number or a tensor can be assigned.
/// </summary>
/// <remarks>Example: <c>double v = a[2, 3]; Tensor row = a[2]; a[2, 3] = 7; a[1] = 0;</c></remarks>
public readonly struct Subscript : ITensorValue
{
    readonly double number;
    readonly Tensor? tensor;

    internal Subscript(double number) { this.number = number; tensor = null; }
    internal Subscript(Tensor tensor) { number = 0; this.tensor = tensor; }

    /// <summary>The view, or an error when every dimension was indexed (then it is a number); the tensor methods of
    /// <see cref="TensorValueExtensions"/> go through it, so <c>inputs[n].Copy(img)</c> reads as Lua's <c>inputs[n]:copy(img)</c>.
    /// Example: <c>Tensor row = a[2].AsTensor;</c></summary>
    public Tensor AsTensor => this;

    /// <summary>Whether this is a view rather than a number. Example: <c>a[2].IsTensor</c>.</summary>
    public bool IsTensor => tensor is not null;

    /// <summary>Reads the number; throws if the subscript left dimensions unindexed.
    /// Example: <c>double v = a[2, 3];</c></summary>
    public static implicit operator double(Subscript s) => s.tensor is null ? s.number
        : throw new InvalidCastException($"Tensor index: the result is a {string.Join("x", s.tensor.Size())} tensor, not a number (index every dimension)");

    /// <summary>Reads the view; throws if every dimension was indexed. Example: <c>Tensor row = a[2];</c></summary>
    public static implicit operator Tensor(Subscript s) => s.tensor
        ?? throw new InvalidCastException("Tensor index: the result is a number, not a tensor (index fewer dimensions)");

    /// <summary>A number to assign. Example: <c>a[2, 3] = 7;</c></summary>
    public static implicit operator Subscript(double v) => new(v);

    /// <summary>A tensor to copy in. Example: <c>a[1] = b;</c></summary>
    public static implicit operator Subscript(Tensor t) => new(t);

    /// <summary>The number in Lua's <c>%g</c>-like form, or the view as Torch7 prints it. Example: <c>a[1, 1].ToString()</c>.</summary>
    public override string ToString() => tensor?.ToString() ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
