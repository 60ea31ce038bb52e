print("citylab")
