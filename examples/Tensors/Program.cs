// The first half of the talk: a tensor, its storage, views that share memory.
using Torch;

torch.ManualSeed(1);
var a = torch.Tensor(4, 6).Uniform();          // DoubleTensor, U(0,1)
Console.Write(a);

Storage s = a.Storage();                       // the 24 numbers behind a
Console.WriteLine($"storage: {s.Type()} of {s.Size()} elements");

var row = a.Select(1, 3);                      // 3rd row: a view
Console.WriteLine($"row 3: size {{{string.Join(",", row.Size())}}}, stride {{{string.Join(",", row.Stride())}}}, storageOffset {row.StorageOffset()}");
var col = a.Select(2, 3);                      // 3rd column: a view with stride 6
Console.WriteLine($"col 3: size {{{string.Join(",", col.Size())}}}, stride {{{string.Join(",", col.Stride())}}}, storageOffset {col.StorageOffset()}");

row.Fill(3);                                   // writes through the view into a
Console.WriteLine("after a.Select(1, 3).Fill(3):");
Console.Write(a);

Console.WriteLine($"row contiguous: {row.IsContiguous()}, column contiguous: {col.IsContiguous()}");
a[2, 3] = 7;                                   // element write, 1-based
double v = a[2, 3];
Console.WriteLine($"a[2, 3] = {v}; storage element 9 = {s[9]}");
