"""A small hand-made taxonomy for the pure matching tests."""

from service.matching.extract import Extractor
from service.matching.taxonomy import Taxonomy


def skill(slug, name, kind="language", category="backend", aliases=(), relations=()):
    return {"slug": slug, "name": name, "kind": kind, "category": category, "aliases": list(aliases), "relations": list(relations)}


TECH = {"caseSensitive": True, "context": "tech"}
TAXONOMY = Taxonomy(
    [
        skill("java", "Java"),
        skill("javascript", "JavaScript", aliases=[{"text": "JS"}, {"text": "ECMAScript"}]),
        skill("c", "C", aliases=[{"text": "C", **TECH}]),
        skill("csharp", "C#", aliases=[{"text": "C Sharp"}, {"text": "C-Sharp"}, {"text": "csharp"}]),
        skill("cplusplus", "C++", aliases=[{"text": "cpp"}]),
        skill("go", "Go", aliases=[{"text": "Go", **TECH}, {"text": "Golang"}]),
        skill("spring", "Spring", "framework", aliases=[{"text": "Spring", **TECH}, {"text": "Spring Framework"}]),
        skill("spring-boot", "Spring Boot", "framework", aliases=[{"text": "springboot"}]),
        skill("react", "React", "library", "frontend", aliases=[{"text": "ReactJS"}, {"text": "React.js"}]),
        skill("react-native", "React Native", "framework", "mobile"),
        skill("kubernetes", "Kubernetes", "platform", "devops", aliases=[{"text": "k8s"}]),
        skill("amazon-s3", "Amazon S3", "service", "cloud", aliases=[{"text": "S3"}]),
        skill("aws", "AWS", "platform", "cloud", aliases=[{"text": "Amazon Web Services"}]),
        skill("ruby", "Ruby", aliases=[{"text": "Ruby", "caseSensitive": True}]),
        skill("ci-cd", "CI/CD", "practice", "devops"),
        skill("rest", "REST", "practice", "architecture", aliases=[{"text": "REST", "caseSensitive": True}, {"text": "RESTful"}, {"text": "REST API"}]),
        skill("microservices", "Microservices", "practice", "architecture", aliases=[{"text": "microservice"}]),
        skill("python", "Python"),
        skill("dotnet", ".NET", "platform", aliases=[{"text": "dotnet"}]),
        skill("aspnet-core", "ASP.NET Core", "framework", aliases=[{"text": "ASP.NET Core MVC"}]),
        skill("japanese", "Japanese", "spoken_language", "language", aliases=[{"text": "日本語"}, {"text": "tiếng Nhật"}]),
        skill("english", "English", "spoken_language", "language", aliases=[{"text": "英語"}, {"text": "tiếng Anh"}]),
        skill("jlpt", "JLPT", "certification", "language", relations=[{"type": "certifies", "target": "japanese"}]),
        skill("toeic", "TOEIC", "certification", "language", relations=[{"type": "certifies", "target": "english"}]),
        skill("banking", "Banking", "domain", "business"),
        skill("kafka", "Apache Kafka", "tool", "data", aliases=[{"text": "Kafka"}]),
        skill("amazon-eks", "Amazon EKS", "service", "cloud", aliases=[{"text": "EKS"}], relations=[{"type": "built_on", "target": "kubernetes"}, {"type": "part_of", "target": "aws"}]),
        skill("django", "Django", "framework", relations=[{"type": "built_on", "target": "python"}]),
        skill("vue", "Vue.js", "framework", "frontend", aliases=[{"text": "Vue"}], relations=[{"type": "related", "target": "react"}]),
        skill("aws-saa", "AWS Certified Solutions Architect - Associate", "certification", "cloud", aliases=[{"text": "SAA-C03"}], relations=[{"type": "certifies", "target": "aws"}]),
        skill("scrum", "Scrum", "methodology", "project_management"),
    ]
)
EXTRACTOR = Extractor(TAXONOMY)
