// Sends one comment submission from a process of its own, so that a test can kill it mid-request (as a server is
// killed) and see what it left behind. The submission comes as JSON in the first argument.
import { submitComment, type Submission } from "@/lib/data/comments/comment-submission";

const submission = JSON.parse(process.argv[2]!) as Submission;
const result = await submitComment(submission);
console.log(JSON.stringify(result));
process.exit(0);
