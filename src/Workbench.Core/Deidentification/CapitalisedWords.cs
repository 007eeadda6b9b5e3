namespace Workbench.Core.Deidentification;

/// <summary>Capitalised words the rules tell apart: given names, and words that look like names without being any.</summary>
internal static class CapitalisedWords
{
    /// <summary>Capitalised words that follow "patient", "name" etc. without being names.</summary>
    internal static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "It", "He", "She", "They", "His", "Her", "Is", "Was", "Has", "Had", "Will", "Should", "Who", "With",
        "And", "Or", "In", "On", "At", "To", "For", "Of", "By", "From", "After", "Before", "Reports", "Reported", "Denies",
        "Presents", "Presented", "Education", "Information", "Portal", "Safety", "Care", "History", "Advised", "Started",
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Nurse", "Sister",
    };

    /// <summary>Words public text capitalises in headings, titles and organisations that a weak cue would otherwise take for a name.</summary>
    internal static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "Abdomen", "Abdominal", "Abnormal", "About", "Acid", "Activities", "Acute", "Adult", "Africa", "African", "Alaska", "All", "Alliance",
        "Also", "Alternatives", "Although", "America", "American", "Anemia", "Annual", "Anomalies", "Anomaly", "Answers", "Aplasia", "Appendix",
        "April", "Arab", "Are", "Arm", "Arms", "Arterial", "Asia", "Asian", "Ask", "Assessment", "Association", "Atrophy", "Atypical", "August",
        "Australian", "Autumn", "Awareness", "Baby", "Bacteria", "Bacterial", "Be", "Because", "Behavioral", "Behavioural", "Bilateral", "Black",
        "Bladder", "Blocked", "Blood", "Board", "Bone", "Bones", "Both", "Brain", "Brazilian", "Breast", "Breath", "British", "Can", "Canadian",
        "Cancer", "Cancers", "Carcinoma", "Cardiac", "Cardiology", "Care", "Carolina", "Catholic", "Caucasian", "Causes", "Cell", "Cells", "Center",
        "Central", "Centre", "Cerebral", "Cervical", "Chapter", "Chest", "Child", "Children", "Chinese", "Christian", "Christmas", "Chromosome",
        "Chromosomes", "Chronic", "City", "Class", "Classes", "Classic", "Classical", "Click", "Clinic", "Clinical", "Clinics", "College",
        "Committee", "Common", "Commonwealth", "Community", "Complete", "Complication", "Complications", "Computed", "Concerned", "Congenital",
        "Consensus", "Contact", "Coping", "Cord", "Coronary", "Could", "Council", "County", "Cranial", "Daily", "Dakota", "Danish", "Day",
        "December", "Defect", "Defects", "Deficiency", "Deletion", "Dental", "Department", "Depression", "Dermatology", "Development", "Diabetes",
        "Diagnosis", "Diagnostic", "Diagnostics", "Diet", "Dietary", "Diffuse", "Disease", "Diseases", "Disorder", "Disorders", "Division", "Do",
        "Doc", "Doctor", "Doctors", "Does", "Dose", "Doses", "Download", "Drink", "Drug", "Drugs", "Duct", "Duplication", "Dutch", "Dysfunction",
        "Dysplasia", "Each", "Ear", "Early", "East", "Easter", "Eastern", "Economic", "Education", "Educational", "Email", "Emergency",
        "Encyclopedia", "English", "Environmental", "Enzyme", "Enzymes", "Europe", "European", "Evaluation", "Evening", "Exam", "Exams", "Exercise",
        "Eye", "Eyes", "Facial", "Fact", "Facts", "Failure", "Fall", "Familial", "Family", "February", "Federal", "Feet", "Fetal", "Fever", "Figure",
        "Find", "Finnish", "Focal", "Food", "Foot", "Force", "Form", "Forms", "Foundation", "French", "Frequency", "Frequently", "Friday", "Fungal",
        "Gene", "General", "Generalized", "Genes", "Genetic", "Genetics", "German", "Global", "Grade", "Grades", "Great", "Greek", "Group", "Groups",
        "Guide", "Guideline", "Guidelines", "Gynecology", "Hampshire", "Hand", "Hands", "Head", "Health", "Healthy", "Heart", "Hepatic", "Here",
        "Hereditary", "Hip", "Hispanic", "Home", "Hospice", "Hospital", "Hospitals", "Hour", "Hours", "How", "However", "Human", "Hypoplasia", "If",
        "Imaging", "Incomplete", "Index", "Indian", "Infant", "Infantile", "Infants", "Infection", "Infections", "Information", "Inheritance",
        "Institute", "Institutes", "Insufficiency", "Intensive", "International", "Intravenous", "Inversion", "Iranian", "Irish", "Is", "Islander",
        "Isolated", "Italian", "January", "Japanese", "Jersey", "Jewish", "Joint", "Joints", "Journal", "July", "June", "Juvenile", "Kidney",
        "Kingdom", "Knee", "Korean", "Laboratory", "Lake", "Late", "Latina", "Latino", "Learn", "Leg", "Legs", "Leukemia", "Level", "Levels",
        "Library", "Life", "Liver", "Living", "Loansome", "Localized", "Lumbar", "Lung", "Lungs", "Lymphoma", "Magnetic", "Malformation",
        "Malformations", "Management", "Many", "March", "Maternal", "May", "Medical", "Medicine", "Medline", "MedlinePlus", "Medscape", "Men",
        "Mental", "Mexican", "Microdeletion", "Might", "Mild", "Minute", "Minutes", "Moderate", "Monday", "Monosomy", "Month", "Monthly", "More",
        "Morning", "Most", "Mount", "Multiple", "Muscle", "Muscles", "Muslim", "Must", "Mutation", "Mutations", "Nasal", "National", "Native",
        "Neck", "Neonatal", "Nephrology", "Nerve", "Nerves", "Network", "Neurology", "New", "Newborn", "Newborns", "Night", "Nodular", "Normal",
        "North", "Northern", "Norwegian", "November", "Nursing", "Nutrition", "Obstetrics", "October", "Ocular", "Office", "Oncology", "Online",
        "Onset", "Operative", "Options", "Oral", "Organization", "Organizations", "Orthopedic", "Orthopedics", "Other", "Outlook", "Overactive",
        "Overview", "Pacific", "Paediatric", "Page", "Panel", "Parasitic", "Part", "Partial", "Parts", "Party", "Pathology", "Patient", "Patients",
        "Pediatric", "Pediatrics", "Pelvic", "People", "Pharmacy", "Phase", "Phases", "Physical", "Plus", "Polish", "Portal", "Postnatal",
        "Practice", "Prenatal", "Prevention", "Primary", "Print", "Prognosis", "Program", "Programme", "Project", "Protein", "Proteins",
        "Protestant", "Psychiatry", "PubMed", "Public", "Pulmonary", "Quality", "Questionnaire", "Questions", "Radiology", "Ray", "Read", "Receptor",
        "Receptors", "Recommendations", "Reference", "Register", "Registry", "Organisations", "Solutions", "Investigators", "Rehabilitation", "Relieve", "Renal", "Report", "Reports", "Research", "Resonance",
        "Resource", "Resources", "Respiratory", "Review", "Reviews", "Rheumatic", "Risk", "River", "Russian", "Sacral", "Saint", "Saturday", "Scale",
        "School", "Score", "Scottish", "Screening", "Second", "Secondary", "Seconds", "Section", "See", "September", "Sequenced", "Service",
        "Services", "Several", "Severe", "Severity", "Share", "Sheet", "Sheets", "Should", "Shoulder", "Sign", "Signs", "Single", "Site", "Skin",
        "Social", "Society", "Some", "South", "Southern", "Spanish", "Special", "Spinal", "Spine", "Spring", "Stage", "Stages", "State", "Statement",
        "States", "Step", "Steps", "Studies", "Study", "Such", "Summer", "Sunday", "Support", "Surgeon", "Surgery", "Surgical", "Survey", "Swedish",
        "Symptom", "Symptoms", "Syndrome", "Syndromes", "Systemic", "Table", "Task", "Tear", "Test", "Testing", "Tests", "Tetrasomy", "Therapeutic",
        "Therapies", "Therapy", "These", "Thoracic", "Those", "Thursday", "Tips", "Tissue", "Tissues", "Today", "Tomography", "Tomorrow", "Topical",
        "Total", "Translocation", "Treat", "Treating", "Treatment", "Treatments", "Trial", "Trials", "Trisomy", "Troponin", "Tuesday", "Tumor",
        "Tumors", "Tumour", "Tumours", "Turkish", "Type", "Types", "Typical", "Unilateral", "Unit", "United", "Units", "University", "Urinary",
        "Urology", "Us", "Variant", "Variants", "Vascular", "Venous", "Viral", "Virginia", "Virus", "Viruses", "Visit", "Vitamin", "Ward", "Ways",
        "Web", "Website", "Wednesday", "Week", "Weekly", "Welsh", "West", "Western", "What", "When", "Where", "Which", "While", "White", "Who",
        "Why", "Winter", "Women", "Working", "World", "Would", "Year", "Yesterday", "Young",
    };

    /// <summary>Countries, states, provinces and larger regions: Safe Harbor removes only places smaller than a state.</summary>
    internal static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "Afghanistan", "Africa", "Alabama", "Alaska", "Albania", "Alberta", "Algeria", "America", "Americas", "Andalusia", "Antarctica", "Arctic",
        "Arabia", "Argentina", "Buenos", "Aires", "Arizona", "Arkansas", "Armenia", "Asia", "Australia", "Austria", "Azerbaijan", "Balkans", "Bangladesh", "Bavaria", "Belarus",
        "Belgium", "Bolivia", "Bosnia", "Brazil", "Britain", "Brunswick", "Bulgaria", "California", "Cambodia", "Cameroon", "Canada", "Caribbean",
        "Carolina", "Catalonia", "Central", "Chile", "China", "Colombia", "Colorado", "Columbia", "Congo", "Connecticut", "Corsica", "Crete",
        "Croatia", "Cuba", "Cyprus", "Czechia", "Dakota", "Delaware", "Denmark", "East", "Ecuador", "Egypt", "England", "Estonia", "Ethiopia",
        "Europe", "Finland", "Flanders", "Florida", "France", "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Haiti", "Hampshire", "Hawaii",
        "Holland", "Honduras", "Hungary", "Iceland", "Idaho", "Illinois", "India", "Indiana", "Indonesia", "Iowa", "Iran", "Iraq", "Ireland",
        "Israel", "Italy", "Jamaica", "Japan", "Jersey", "Jordan", "Kansas", "Kazakhstan", "Kentucky", "Kenya", "Korea", "Kuwait", "Laos", "Latin",
        "Latvia", "Lebanon", "Libya", "Lithuania", "Louisiana", "Luxembourg", "Madagascar", "Maine", "Malawi", "Malaysia", "Mali", "Malta",
        "Manitoba", "Maryland", "Massachusetts", "Mediterranean", "Mexico", "Michigan", "Middle", "Minnesota", "Mississippi", "Missouri", "Moldova",
        "Mongolia", "Montana", "Morocco", "Mozambique", "Myanmar", "Nebraska", "Nepal", "Netherlands", "Nevada", "Newfoundland", "Nicaragua",
        "Niger", "Nigeria", "North", "Norway", "Nova", "Nunavut", "Oceania", "Ohio", "Oklahoma", "Oman", "Ontario", "Oregon", "Pakistan", "Panama",
        "Paraguay", "Patagonia", "Pennsylvania", "Peru", "Philippines", "Poland", "Portugal", "Puerto", "Qatar", "Quebec", "Queensland", "Rhode",
        "Rico", "Romania", "Russia", "Rwanda", "Sardinia", "Saskatchewan", "Saudi", "Scandinavia", "Scotia", "Scotland", "Senegal", "Serbia",
        "Siberia", "Sicily", "Singapore", "Slovakia", "Slovenia", "Somalia", "South", "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan",
        "Tanzania", "Tasmania", "Tennessee", "Texas", "Thailand", "Tunisia", "Turkey", "Uganda", "Ukraine", "United", "Uruguay", "Utah",
        "Uzbekistan", "Venezuela", "Vermont", "Victoria", "Vietnam", "Virginia", "Wales", "Wallonia", "Washington", "Wisconsin", "Wyoming", "Yemen",
        "York", "Yukon", "Zambia", "Zimbabwe",
    };

    internal static readonly HashSet<string> GivenNames = new(StringComparer.Ordinal)
    {
        "Aaron", "Abigail", "Adam", "Adrian", "Ahmed", "Aisha", "Alan", "Albert", "Alejandro", "Alex", "Alexander", "Alexandra", "Ali", "Alice", "Alicia",
        "Alison", "Amanda", "Amara", "Amelia", "Amir", "Amy", "Ana", "Andrea", "Andrew", "Angela", "Anita", "Ann", "Anna", "Anne", "Anthony", "Antonio",
        "Arjun", "Arthur", "Ashley", "Barbara", "Beatriz", "Ben", "Benjamin", "Beth", "Betty", "Brandon", "Brenda", "Brian", "Bruce", "Carl", "Carla",
        "Carlos", "Carmen", "Carol", "Caroline", "Catherine", "Charles", "Charlotte", "Chen", "Cheryl", "Chloe", "Chris", "Christina", "Christine",
        "Christopher", "Claire", "Clara", "Daniel", "Daniela", "David", "Deborah", "Denise", "Dennis", "Diana", "Diane", "Diego", "Dmitri", "Donald",
        "Donna", "Dorothy", "Douglas", "Edward", "Elena", "Elijah", "Elizabeth", "Ellen", "Emily", "Emma", "Eric", "Erik", "Ethan", "Eva", "Evelyn",
        "Fatima", "Fernando", "Frances", "Francisco", "Frank", "Gabriel", "Gary", "George", "Gerald", "Gloria", "Gregory", "Hannah", "Harold",
        "Harry", "Hassan", "Heather", "Helen", "Henry", "Hiroshi", "Hugo", "Ian", "Ibrahim", "Ingrid", "Irene", "Isaac", "Isabel", "Isabella", "Ivan",
        "Jack", "Jacob", "James", "Jamal", "Jan", "Jane", "Janet", "Jason", "Javier", "Jean", "Jeffrey", "Jennifer", "Jeremy", "Jessica", "Joan",
        "Joanna", "John", "Jonathan", "Jorge", "Jose", "Joseph", "Joshua", "Joyce", "Juan", "Judith", "Julia", "Julie", "Justin", "Karen", "Katherine",
        "Kathleen", "Kenji", "Kenneth", "Kevin", "Kim", "Kimberly", "Laura", "Lauren", "Lawrence", "Layla", "Leah", "Leila", "Linda", "Lisa", "Liam",
        "Lucas", "Lucia", "Luis", "Lukas", "Margaret", "Maria", "Marie", "Marilyn", "Mario", "Marta", "Martha", "Martin", "Mary", "Mateo", "Matthew",
        "Megan", "Mei", "Melissa", "Michael", "Michelle", "Miguel", "Mohamed", "Mohammed", "Nancy", "Naomi", "Natalie", "Nathan", "Nicholas", "Nicole",
        "Nina", "Noah", "Nora", "Olga", "Olivia", "Omar", "Oscar", "Pablo", "Pamela", "Patricia", "Patrick", "Paul", "Paula", "Pedro", "Peter",
        "Philip", "Priya", "Rachel", "Rafael", "Rahul", "Ralph", "Raj", "Ravi", "Raymond", "Rebecca", "Richard", "Robert", "Roberto", "Roger", "Ronald",
        "Rosa", "Ruth", "Ryan", "Samantha", "Samuel", "Sandra", "Sara", "Sarah", "Scott", "Sean", "Sergei", "Sharon", "Shirley", "Simon", "Sofia",
        "Sophia", "Sophie", "Stephanie", "Stephen", "Steven", "Susan", "Tamara", "Teresa", "Thomas", "Timothy", "Tomas", "Tyler", "Valentina",
        "Vanessa", "Victor", "Victoria", "Vincent", "Virginia", "Walter", "Wei", "William", "Xavier", "Yara", "Yasmin", "Yusuf", "Zachary", "Zoe",
    };
}
