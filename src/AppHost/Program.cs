System.Console.WriteLine("AppHost");
