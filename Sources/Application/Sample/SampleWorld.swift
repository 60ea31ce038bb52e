/// The cities the sample's people come from: the city, its country, the name its own
/// government goes by, the naming tradition of its people, and how many of them come
/// (the host city and its region send the most).
struct SampleCity: Sendable {
    let name: String
    let country: String
    let government: String
    let names: SampleNameBank
    let weight: Int

    var hasSpanishNames: Bool { names.first == SampleNameBank.hispanic.first }
}

enum SampleWorld {
    static let cities: [SampleCity] = latinAmerica + northAmerica + europe + africaAndAsia

    private static let latinAmerica: [SampleCity] = [
        SampleCity(name: "Bogotá", country: "Colombia", government: "Alcaldía Mayor de Bogotá", names: .hispanic, weight: 60),
        SampleCity(name: "Medellín", country: "Colombia", government: "Alcaldía de Medellín", names: .hispanic, weight: 18),
        SampleCity(name: "Cali", country: "Colombia", government: "Alcaldía de Santiago de Cali", names: .hispanic, weight: 10),
        SampleCity(name: "Barranquilla", country: "Colombia", government: "Alcaldía de Barranquilla", names: .hispanic, weight: 8),
        SampleCity(name: "Mexico City", country: "Mexico", government: "Gobierno de la Ciudad de México", names: .hispanic, weight: 22),
        SampleCity(name: "Guadalajara", country: "Mexico", government: "Gobierno de Guadalajara", names: .hispanic, weight: 7),
        SampleCity(name: "Lima", country: "Peru", government: "Municipalidad de Lima", names: .hispanic, weight: 9),
        SampleCity(name: "Santiago", country: "Chile", government: "Municipalidad de Santiago", names: .hispanic, weight: 9),
        SampleCity(
            name: "Buenos Aires", country: "Argentina", government: "Gobierno de la Ciudad de Buenos Aires", names: .hispanic, weight: 10),
        SampleCity(name: "Montevideo", country: "Uruguay", government: "Intendencia de Montevideo", names: .hispanic, weight: 6),
        SampleCity(name: "Quito", country: "Ecuador", government: "Municipio de Quito", names: .hispanic, weight: 6),
        SampleCity(name: "Panama City", country: "Panama", government: "Alcaldía de Panamá", names: .hispanic, weight: 4),
        SampleCity(name: "São Paulo", country: "Brazil", government: "Prefeitura de São Paulo", names: .lusophone, weight: 10),
        SampleCity(name: "Rio de Janeiro", country: "Brazil", government: "Prefeitura do Rio de Janeiro", names: .lusophone, weight: 8),
        SampleCity(name: "Recife", country: "Brazil", government: "Prefeitura do Recife", names: .lusophone, weight: 5),
        SampleCity(name: "Curitiba", country: "Brazil", government: "Prefeitura de Curitiba", names: .lusophone, weight: 4),
    ]

    private static let northAmerica: [SampleCity] = [
        SampleCity(
            name: "Salt Lake City", country: "United States", government: "Salt Lake City Corporation", names: .anglophone, weight: 9),
        SampleCity(name: "Boston", country: "United States", government: "City of Boston", names: .anglophone, weight: 9),
        SampleCity(name: "Detroit", country: "United States", government: "City of Detroit", names: .anglophone, weight: 8),
        SampleCity(name: "Baltimore", country: "United States", government: "Baltimore City", names: .anglophone, weight: 8),
        SampleCity(
            name: "Louisville", country: "United States", government: "Louisville Metro Government", names: .anglophone, weight: 6),
        SampleCity(name: "Tulsa", country: "United States", government: "City of Tulsa", names: .anglophone, weight: 5),
        SampleCity(name: "Philadelphia", country: "United States", government: "City of Philadelphia", names: .anglophone, weight: 7),
        SampleCity(name: "Los Angeles", country: "United States", government: "City of Los Angeles", names: .anglophone, weight: 8),
        SampleCity(name: "Atlanta", country: "United States", government: "City of Atlanta", names: .anglophone, weight: 6),
        SampleCity(name: "Long Beach", country: "United States", government: "City of Long Beach", names: .anglophone, weight: 4),
        SampleCity(name: "Chattanooga", country: "United States", government: "City of Chattanooga", names: .anglophone, weight: 4),
        SampleCity(name: "New York", country: "United States", government: "City of New York", names: .anglophone, weight: 12),
        SampleCity(name: "Toronto", country: "Canada", government: "City of Toronto", names: .anglophone, weight: 6),
        SampleCity(name: "Montréal", country: "Canada", government: "Ville de Montréal", names: .francophone, weight: 5),
    ]

    private static let europe: [SampleCity] = [
        SampleCity(name: "Reykjavík", country: "Iceland", government: "Reykjavíkurborg", names: .icelandic, weight: 6),
        SampleCity(name: "Copenhagen", country: "Denmark", government: "Københavns Kommune", names: .nordic, weight: 4),
        SampleCity(name: "Helsinki", country: "Finland", government: "Helsingin kaupunki", names: .nordic, weight: 4),
        SampleCity(name: "Amsterdam", country: "Netherlands", government: "Gemeente Amsterdam", names: .dutchGerman, weight: 6),
        SampleCity(name: "Vienna", country: "Austria", government: "Stadt Wien", names: .dutchGerman, weight: 3),
        SampleCity(name: "Paris", country: "France", government: "Ville de Paris", names: .francophone, weight: 7),
        SampleCity(name: "Barcelona", country: "Spain", government: "Ajuntament de Barcelona", names: .hispanic, weight: 6),
        SampleCity(name: "Lisbon", country: "Portugal", government: "Câmara Municipal de Lisboa", names: .lusophone, weight: 4),
        SampleCity(name: "Milan", country: "Italy", government: "Comune di Milano", names: .italian, weight: 5),
        SampleCity(name: "Athens", country: "Greece", government: "City of Athens", names: .greek, weight: 4),
        SampleCity(name: "London", country: "United Kingdom", government: "Greater London Authority", names: .anglophone, weight: 9),
        SampleCity(name: "Glasgow", country: "United Kingdom", government: "Glasgow City Council", names: .anglophone, weight: 3),
    ]

    private static let africaAndAsia: [SampleCity] = [
        SampleCity(name: "Cape Town", country: "South Africa", government: "City of Cape Town", names: .southAfrican, weight: 5),
        SampleCity(name: "Kigali", country: "Rwanda", government: "City of Kigali", names: .eastAfrican, weight: 4),
        SampleCity(name: "Nairobi", country: "Kenya", government: "Nairobi City County", names: .eastAfrican, weight: 5),
        SampleCity(name: "Accra", country: "Ghana", government: "Accra Metropolitan Assembly", names: .westAfrican, weight: 4),
        SampleCity(name: "Lagos", country: "Nigeria", government: "Lagos State Government", names: .westAfrican, weight: 4),
        SampleCity(name: "Seoul", country: "South Korea", government: "Seoul Metropolitan Government", names: .korean, weight: 5),
        SampleCity(name: "Tokyo", country: "Japan", government: "Tokyo Metropolitan Government", names: .japanese, weight: 3),
        SampleCity(
            name: "Bangkok", country: "Thailand", government: "Bangkok Metropolitan Administration", names: .southeastAsian, weight: 3),
        SampleCity(name: "Jakarta", country: "Indonesia", government: "Pemerintah Provinsi DKI Jakarta", names: .southeastAsian, weight: 3),
        SampleCity(name: "Pune", country: "India", government: "Pune Municipal Corporation", names: .southAsian, weight: 3),
        SampleCity(name: "Melbourne", country: "Australia", government: "City of Melbourne", names: .anglophone, weight: 3),
        SampleCity(name: "Auckland", country: "New Zealand", government: "Auckland Council", names: .anglophone, weight: 3),
    ]

    /// Organizations that are not a city government, by the role of who works there.
    static let foundations = [
        "Bloomberg Philanthropies", "Fundación Ciudad Abierta", "Rivergate Foundation", "Northline Community Trust",
        "Fondo Andino para las Ciudades", "Harbor Light Fund", "Civic Futures Foundation", "Fundação Cidade Viva",
    ]
    static let universities = [
        "Universidad de los Andes", "Universidad Nacional de Colombia", "Johns Hopkins University", "Harvard Kennedy School",
        "UNAM", "University of Utah", "Háskóli Íslands", "London School of Economics", "TU Delft", "University of Cape Town",
        "Pontificia Universidad Católica de Chile", "Universidade de São Paulo", "Seoul National University",
    ]
    static let studios = [
        "Calle Viva Urbanismo", "Open Streets Collective", "Plaza Lab", "Human Scale Studio", "Taller de Ciudad", "Common Ground Design",
        "Estudio Ladera", "Blue Line Planning", "Barrio Futuro",
    ]
    static let artistStudios = [
        "Colectivo Muralla", "Studio Lumen", "Taller Tinta", "Sound of the City", "Estudio Páramo", "Free Walls Project",
    ]
    static let press = [
        "Bloomberg CityLab", "The Atlantic", "Urban Dispatch", "Metro Review", "Revista Ciudad", "Radio Cívica", "Next City Weekly",
    ]
    static let staffOrganizations = [
        "Bloomberg Philanthropies", "The Aspen Institute", "Bloomberg Center for Public Innovation at Johns Hopkins", "CityLab 2026 team",
    ]
    static let innovationUnits = [
        "Innovation Team", "Office of Data and Analytics", "Digital Services", "Office of Civic Engagement", "Mayor's Delivery Unit",
        "Office of Financial Empowerment", "Mobility Department", "Infrastructure Office",
    ]
}
