-- DropIndex
DROP INDEX IF EXISTS "EmailOutbox_userId_template_idx";
