print("citylab-bench")
