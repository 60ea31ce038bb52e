/// Synthetic names for the sample's people, by naming tradition. Combinations are invented;
/// a bank with `full` names draws whole names (traditions whose surnames follow the person).
struct SampleNameBank: Sendable {
    let first: [String]
    let last: [String]
    var full: [String] = []

    /// A name from this bank; Spanish names take a second surname now and then.
    func name(_ random: inout SampleRandom, secondSurname: Bool = false) -> String {
        if !full.isEmpty { return random.pick(full) }
        var name = "\(random.pick(first)) \(random.pick(last))"
        if secondSurname, random.chance(30) { name += " \(random.pick(last))" }
        return name
    }

    static let hispanic = SampleNameBank(
        first: [
            "Ana", "Camila", "Valentina", "Lucía", "Mariana", "Daniela", "Sofía", "Isabel", "Paula", "Natalia", "Carolina",
            "Juliana", "Ximena", "Renata", "Fernanda", "Andrés", "Santiago", "Mateo", "Juan Pablo", "Carlos", "Diego", "Felipe",
            "Alejandro", "Javier", "Sebastián", "Tomás", "Ricardo", "Luis", "Gabriel", "Manuel",
        ],
        last: [
            "Gómez", "Rodríguez", "Martínez", "Restrepo", "Castaño", "Herrera", "Vargas", "Morales", "Ortiz", "Salazar", "Ramírez",
            "Torres", "Rojas", "Mejía", "Cárdenas", "Navarro", "Fuentes", "Delgado", "Ibarra", "Quintero", "Arango", "Londoño",
            "Peña", "Vega", "Sandoval", "Aguilar", "Cortés", "Benítez", "Fernández", "Suárez",
        ])

    static let lusophone = SampleNameBank(
        first: [
            "João", "Pedro", "Lucas", "Rafael", "Gustavo", "Thiago", "Renato", "Bruno", "Beatriz", "Mariana", "Larissa", "Camila",
            "Fernanda", "Juliana", "Ana Clara", "Letícia", "Inês", "Tiago",
        ],
        last: [
            "Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Carvalho", "Ribeiro", "Barbosa", "Rocha", "Lima",
            "Araújo", "Nascimento", "Moreira", "Ferreira",
        ])

    static let anglophone = SampleNameBank(
        first: [
            "Emma", "Olivia", "Grace", "Hannah", "Sarah", "Rachel", "Megan", "Laura", "Alicia", "Jasmine", "Maya", "Keisha", "Nadia",
            "Priya", "Michael", "David", "James", "Daniel", "Marcus", "Andre", "Kevin", "Ryan", "Jordan", "Aaron", "Ethan", "Samuel",
            "Terrell", "Omar", "Wei", "Rosa",
        ],
        last: [
            "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Thompson", "Jackson", "Harris", "Clark", "Lewis",
            "Walker", "Robinson", "Young", "King", "Wright", "Hughes", "Patel", "Nguyen", "Kim", "Okafor", "Murphy", "Sullivan",
            "Reyes", "Coleman", "Brooks", "Bennett", "Chen", "Garcia",
        ])

    static let francophone = SampleNameBank(
        first: [
            "Camille", "Léa", "Manon", "Chloé", "Élodie", "Claire", "Amélie", "Inès", "Julien", "Mathieu", "Antoine", "Nicolas",
            "Hugo", "Théo", "Sébastien", "Karim",
        ],
        last: [
            "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Roux", "Fournier", "Mercier", "Gagnon",
            "Tremblay", "Côté", "Bouchard", "Benali", "Lavoie",
        ])

    static let icelandic = SampleNameBank(
        first: [], last: [],
        full: [
            "Guðrún Jónsdóttir", "Katrín Sigurðardóttir", "Helga Magnúsdóttir", "Sigríður Einarsdóttir", "Hildur Pálsdóttir",
            "Björn Ólafsson", "Jón Gunnarsson", "Einar Stefánsson", "Ólafur Kristjánsson", "Ragnar Þórsson", "Þóra Hauksdóttir",
            "Ásgeir Ævarsson",
        ])

    static let nordic = SampleNameBank(
        first: ["Freja", "Astrid", "Sofie", "Ida", "Aino", "Elina", "Mikkel", "Lars", "Rasmus", "Mikko", "Jussi", "Oskar"],
        last: ["Jensen", "Nielsen", "Hansen", "Larsen", "Andersen", "Virtanen", "Korhonen", "Mäkinen", "Lindqvist", "Nieminen"])

    static let dutchGerman = SampleNameBank(
        first: ["Sanne", "Femke", "Lotte", "Lena", "Katharina", "Anna", "Daan", "Jeroen", "Pieter", "Jonas", "Felix", "Maximilian"],
        last: ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Müller", "Schmidt", "Huber", "Gruber", "Wagner", "Bauer"])

    static let italian = SampleNameBank(
        first: ["Giulia", "Chiara", "Francesca", "Sara", "Alessandro", "Marco", "Lorenzo", "Matteo", "Davide", "Elena"],
        last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"])

    static let greek = SampleNameBank(
        first: [], last: [],
        full: [
            "Eleni Papadopoulou", "Nikos Georgiou", "Dimitra Konstantinou", "Giorgos Pappas", "Maria Nikolaou", "Kostas Alexiou",
            "Sofia Dimitriou", "Yannis Karras",
        ])

    static let eastAfrican = SampleNameBank(
        first: ["Wanjiru", "Achieng", "Njeri", "Aline", "Grace", "Otieno", "Kamau", "Brian", "Eric", "Jean-Paul", "Diane", "Patrick"],
        last: ["Mwangi", "Otieno", "Kariuki", "Wambui", "Mugisha", "Habimana", "Ingabire", "Uwase", "Odhiambo", "Nduta"])

    static let westAfrican = SampleNameBank(
        first: ["Kwame", "Ama", "Kofi", "Akosua", "Abena", "Chinedu", "Ngozi", "Adebayo", "Oluwaseun", "Funmilayo", "Yaw", "Ifeoma"],
        last: ["Mensah", "Boateng", "Owusu", "Asante", "Okafor", "Adeyemi", "Eze", "Balogun", "Addo", "Nwosu"])

    static let southAfrican = SampleNameBank(
        first: ["Thandiwe", "Naledi", "Lerato", "Zanele", "Sipho", "Thabo", "Pieter", "Ayesha", "Lwazi", "Nomvula"],
        last: ["Nkosi", "Dlamini", "Mokoena", "Khumalo", "van der Merwe", "Botha", "Ndlovu", "Adams", "Mthembu", "Petersen"])

    static let korean = SampleNameBank(
        first: ["Ji-woo", "Min-jun", "Seo-yeon", "Ha-eun", "Do-hyun", "Ji-ho", "Soo-ah", "Hyun-woo"],
        last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Han"])

    static let japanese = SampleNameBank(
        first: ["Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Takeshi", "Emi", "Kenji"],
        last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"])

    static let southeastAsian = SampleNameBank(
        first: ["Siriporn", "Nattapong", "Kanya", "Somchai", "Dewi", "Putri", "Budi", "Agus", "Sari", "Rizky"],
        last: ["Srisuk", "Chaiyaporn", "Wongsa", "Rattanakul", "Santoso", "Wijaya", "Pratama", "Hidayat", "Kusuma", "Saelim"])

    static let southAsian = SampleNameBank(
        first: ["Priya", "Ananya", "Kavya", "Meera", "Arjun", "Rohan", "Vikram", "Aditya", "Sneha", "Rahul"],
        last: ["Sharma", "Patil", "Kulkarni", "Deshpande", "Iyer", "Joshi", "Rao", "Menon", "Gupta", "Naidu"])
}
