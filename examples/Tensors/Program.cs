// The first half of the talk: a tensor, its storage, and views that share it, printed as Torch7 prints them.
// Each step shows the Lua line it ports.
using Torch;

torch.ManualSeed(1);
void Lua(string line) => Console.WriteLine($"> {line}");

Lua("a = torch.Tensor(4, 6):uniform(); print(a)");
var a = torch.Tensor(4, 6).Uniform();
Console.Write(a);

Lua("s = a:storage(); print(s:size())");
Storage s = a.Storage();
Console.WriteLine(s.Size());

Lua("row = a:select(1, 3); print(row:size(), row:stride(), row:storageOffset())");
var row = a.Select(1, 3);
Console.Write(torch.LongStorage(row.Size()));
Console.Write(torch.LongStorage(row.Stride()));
Console.WriteLine(row.StorageOffset());

Lua("col = a:select(2, 3); print(col:size(), col:stride(), col:storageOffset())");
var col = a.Select(2, 3);
Console.Write(torch.LongStorage(col.Size()));
Console.Write(torch.LongStorage(col.Stride()));
Console.WriteLine(col.StorageOffset());

Lua("row:fill(3); print(a)");
row.Fill(3);
Console.Write(a);

Lua("print(row:isContiguous(), col:isContiguous())");
Console.WriteLine($"{row.IsContiguous()}\t{col.IsContiguous()}".ToLowerInvariant());

Lua("a[2][3] = 7; print(a[2][3], s[9])");
a[2, 3] = 7;
Console.WriteLine($"{(double)a[2, 3]}\t{s[9]}");

Lua("print(a:sum(2))   -- reductions keep the dimension");
Console.Write(a.Sum(2));

Lua("values, indices = a:max(2); print(indices)   -- 1-based");
var (_, indices) = torch.Max(a, 2);
Console.Write(indices);
