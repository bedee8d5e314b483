// char-rnn (karpathy/char-rnn) ported line by line: `train` is train.lua, `sample` is sample.lua, with Lua's options.
//   dotnet run --project examples/CharRnn -- train -max_epochs 1 -eval_val_every 200
//   dotnet run --project examples/CharRnn -- sample cv/lm_lstm_epoch1.00_2.1000.t7 -length 300 -temperature 0.8
using Torch;

torch.SetNumThreads(1); // the matrices are small (50 x 128): one thread is fastest, and spinning threads only compete
switch (args.FirstOrDefault())
{
    case "train": CharRnn.Train.Run(args[1..]); break;
    case "sample": CharRnn.Sample.Run(args[1..]); break;
    default:
        Console.Error.WriteLine("usage: CharRnn train [options] | CharRnn sample <checkpoint> [options]   (-h for the options)");
        return 1;
}
return 0;
